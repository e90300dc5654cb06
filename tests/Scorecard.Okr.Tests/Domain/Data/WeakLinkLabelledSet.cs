using System.Security.Cryptography;
using System.Text;
using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain.Data;

/// <summary>
/// Hand-labelled goal → claimed-parent pairs for the WEAK_LINK check, for a fictional B2B SaaS company
/// (a performance-management product sold to mid-market and enterprise customers).
/// <para>The candidate set is the company's and departments' objectives for the year, with their key
/// results, as an employee would see them when choosing a parent (15 candidates).</para>
/// <para>Related pairs: the child goal really moves the claimed parent. Several share few or no literal
/// words with it on purpose (failover → uptime, SEO → organic traffic, outbound prospecting → pipeline).
/// Unrelated pairs: plausible real goals attached to the wrong parent, as happens when people pick the
/// first parent in a list. Some share a word with the wrong parent on purpose ("data retention policy"
/// under "net revenue retention"). The pairs were written before the check was run and were not edited
/// afterwards.</para>
/// </summary>
internal static class WeakLinkLabelledSet
{
    public static IReadOnlyList<ParentCandidate> Candidates { get; } =
    [
        Candidate("cx", "Make enterprise customers love our product",
            "Raise NPS from 45 to 65. Increase CSAT on support tickets from 82% to 90%. Get 10 enterprise customers to act as public references."),
        Candidate("nrr", "Grow net revenue retention",
            "Increase net revenue retention from 104% to 115%. Reduce gross logo churn from 12% to 8% annually. Grow expansion revenue from existing accounts by 30%."),
        Candidate("newbiz", "Accelerate new business growth",
            "Grow new ARR from $4M to $6M. Increase qualified pipeline coverage to 3x quota. Shorten the average sales cycle from 95 to 70 days."),
        Candidate("selfserve", "Build a self-serve acquisition engine",
            "Increase trial-to-paid conversion from 8% to 12%. Grow monthly signups from 2,000 to 3,500. Launch a free plan for teams under 10 people."),
        Candidate("reliability", "Run a platform customers can rely on",
            "Achieve 99.95% API uptime. Reduce Sev-1 incidents from 6 to 2 per quarter. Cut p95 API latency from 800ms to 300ms."),
        Candidate("delivery", "Ship value to customers faster",
            "Cut lead time for changes from 10 days to 2 days. Increase deployment frequency from weekly to daily. Keep change failure rate below 10%."),
        Candidate("security", "Earn enterprise trust through security and compliance",
            "Achieve SOC 2 Type II certification by September 30. Close all critical vulnerabilities within 7 days. Complete an ISO 27001 gap assessment."),
        Candidate("efficiency", "Improve operating efficiency",
            "Raise gross margin from 68% to 75%. Reduce cloud infrastructure cost per customer by 20%. Keep operating expenses flat while revenue grows 40%."),
        Candidate("people", "Build a high-performing, engaged team",
            "Raise employee engagement score from 70 to 78. Reduce regretted attrition below 8%. Fill 25 engineering roles with time to hire under 45 days."),
        Candidate("learning", "Develop our people's skills and leaders",
            "Every people manager completes the leadership programme. Launch career ladders for all engineering and sales roles. 80% of employees use their learning budget."),
        Candidate("adoption", "Drive adoption of the analytics module",
            "Increase weekly active users of analytics from 1,200 to 2,500. Get 40% of enterprise accounts using scheduled reports. Ship 5 new dashboard templates."),
        Candidate("onboarding", "Make onboarding effortless",
            "Cut time to first value for new customers from 30 days to 10 days. Raise the implementation on-time rate from 60% to 90%. Reduce onboarding support tickets by half."),
        Candidate("dach", "Expand into the DACH market",
            "Sign 15 new customers in Germany, Austria and Switzerland. Recruit 3 reseller partners in the region. Localise the product into German."),
        Candidate("finops", "Get billing and revenue operations right",
            "Reduce invoice errors from 3% to 0.5%. Close the books within 5 working days. Automate revenue recognition for usage-based plans."),
        Candidate("brand", "Build brand awareness in the mid-market",
            "Grow organic website traffic from 40k to 70k monthly visits. Publish 2 analyst-recognised research reports. Raise marketing-sourced pipeline to 45% of total."),
    ];

    public static IReadOnlyList<LabelledPair> Pairs { get; } =
    [
        // ---- clearly related: the child really moves the claimed parent ----
        Related("Cut median support resolution time from 48h to 24h for enterprise tickets", "cx"),
        Related("Launch a customer advisory board with 12 enterprise accounts and act on their top 5 requests", "cx"),
        Related("Answer 90% of chat conversations within 2 minutes", "cx"),
        Related("Run quarterly business reviews with all top-50 accounts to prevent churn", "nrr"),
        Related("Introduce an expansion playbook that upsells the analytics add-on to existing customers", "nrr"),
        Related("Build a health score that warns account managers of at-risk renewals 90 days ahead", "nrr"),
        Related("Book 40 discovery meetings per month from outbound prospecting", "newbiz"),
        Related("Close $1.2M of new ARR in the financial services vertical", "newbiz"),
        Related("Redesign the pricing page to lift trial signups by 25%", "selfserve"),
        Related("Add in-app product tours to convert more free trials to paid plans", "selfserve"),
        Related("Add automated failover for the primary Postgres database", "reliability"),
        Related("Reduce p95 latency of the reporting API to under 300ms", "reliability"),
        Related("Introduce on-call runbooks and post-incident reviews for every Sev-1", "reliability"),
        Related("Move all services to trunk-based development with automated deploys", "delivery"),
        Related("Cut CI build time from 40 to 10 minutes", "delivery"),
        Related("Roll out single sign-on and MFA enforcement for all employees", "security"),
        Related("Complete the SOC 2 evidence collection for all 80 controls", "security"),
        Related("Right-size Kubernetes clusters to cut AWS spend by 15%", "efficiency"),
        Related("Negotiate annual contracts with our top 10 vendors to save $300k", "efficiency"),
        Related("Run structured interview training for all hiring managers to shorten time to hire", "people"),
        Related("Launch a quarterly pulse survey and act on the three lowest engagement scores", "people"),
        Related("Pair every new team lead with an experienced mentor for six months", "learning"),
        Related("Ship scheduled report templates for the top 10 finance use cases", "adoption"),
        Related("Build a guided setup wizard so new customers import their data in the first week", "onboarding"),
        Related("Hire two German-speaking account executives in Munich", "dach"),
        Related("Automate usage-based invoicing so that invoice errors drop below 1%", "finops"),
        Related("Publish two SEO articles per week targeting 'performance review software'", "brand"),

        // ---- clearly unrelated: a real goal attached to the wrong parent ----
        Unrelated("Refactor the billing service build pipeline", "cx"),
        Unrelated("Raise employee engagement survey participation to 85%", "newbiz"),
        Unrelated("Achieve a SOC 2 Type II report without exceptions", "selfserve"),
        Unrelated("Reduce cloud spend per customer by 20%", "learning"),
        Unrelated("Hire 5 backend engineers for the payments team", "reliability"),
        Unrelated("Cut p95 API latency to 300ms", "brand"),
        Unrelated("Translate the help centre into German", "efficiency"),
        Unrelated("Sign 3 reseller partners in Austria", "security"),
        Unrelated("Close the quarterly books within 5 working days", "adoption"),
        Unrelated("Migrate the marketing website to a headless CMS", "people"),
        Unrelated("Run a leadership offsite for new engineering managers", "nrr"),
        Unrelated("Increase trial-to-paid conversion on the self-serve plan", "security"),
        Unrelated("Replace the on-call paging tool with a cheaper vendor", "dach"),
        Unrelated("Launch the partner referral programme in the UK", "onboarding"),
        Unrelated("Organise a company hackathon on internal tooling", "finops"),
        Unrelated("Write a data retention policy for GDPR", "nrr"),
        Unrelated("Redesign the seating plan for the London office", "delivery"),
        Unrelated("Automate revenue recognition for usage-based plans", "people"),
        Unrelated("Increase weekly active users of the analytics dashboard", "security"),
        Unrelated("Upgrade laptops for the design team", "newbiz"),
        Unrelated("Improve test coverage of the mobile app to 70%", "dach"),
        Unrelated("Sponsor two industry conferences in the US", "reliability"),
        Unrelated("Renegotiate the office lease to reduce rent", "cx"),
        Unrelated("Introduce a four-day on-site onboarding week for new sales hires", "adoption"),
    ];

    public static ParentRef RefOf(string key) => ParentRef.Okr(IdOf(key));

    /// <summary>A stable id per key, so results are reproducible.</summary>
    public static Guid IdOf(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes("weak-link-set:" + key)));

    private static ParentCandidate Candidate(string key, string title, string keyResults) =>
        new(RefOf(key), title, title + ". " + keyResults);

    private static LabelledPair Related(string child, string parentKey) => new(child, parentKey, true);

    private static LabelledPair Unrelated(string child, string parentKey) => new(child, parentKey, false);
}

/// <summary>A child goal, the parent it claims, and whether they are really related.</summary>
internal sealed record LabelledPair(string ChildGoal, string ClaimedParentKey, bool IsRelated);

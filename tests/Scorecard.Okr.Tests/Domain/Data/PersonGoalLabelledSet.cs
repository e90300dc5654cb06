using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain.Data;

/// <summary>
/// A labelled set for parent suggestions in the person's context: an organisation shaped like the demo (company →
/// departments → teams), its company and marketing scorecards, company, department and team OKRs, and people's goals
/// written as people write them, each labelled with the parent a manager would pick — their own team's OKR on the
/// same subject, or their department's where they have no team. Labels were written with the goals, before any
/// ranking was run.
/// </summary>
internal static class PersonGoalLabelledSet
{
    public static readonly Dictionary<string, Guid> Units = new()
    {
        ["Brightline"] = Guid.NewGuid(), ["Engineering"] = Guid.NewGuid(), ["Platform"] = Guid.NewGuid(), ["Product Engineering"] = Guid.NewGuid(),
        ["Sales"] = Guid.NewGuid(), ["Enterprise Sales"] = Guid.NewGuid(), ["Mid-Market Sales"] = Guid.NewGuid(),
        ["Customer Success"] = Guid.NewGuid(), ["Support"] = Guid.NewGuid(), ["Customer Success Management"] = Guid.NewGuid(),
        ["Marketing"] = Guid.NewGuid(), ["People"] = Guid.NewGuid(),
    };

    public static readonly Dictionary<string, string?> ParentUnit = new()
    {
        ["Brightline"] = null, ["Engineering"] = "Brightline", ["Platform"] = "Engineering", ["Product Engineering"] = "Engineering",
        ["Sales"] = "Brightline", ["Enterprise Sales"] = "Sales", ["Mid-Market Sales"] = "Sales",
        ["Customer Success"] = "Brightline", ["Support"] = "Customer Success", ["Customer Success Management"] = "Customer Success",
        ["Marketing"] = "Brightline", ["People"] = "Brightline",
    };

    /// <summary>Key → (unit, title, description) of scorecard objectives.</summary>
    public static readonly (string Key, string Unit, string Perspective, string Title, string Description)[] Scorecard =
    [
        ("S-ARR", "Brightline", "Financial", "Grow annual recurring revenue", "Grow ARR by 40% year on year."),
        ("S-MARGIN", "Brightline", "Financial", "Lift gross margin", "Lift gross margin to 78%."),
        ("S-NPS", "Brightline", "Customer", "Delight customers", "Lift NPS to 50."),
        ("S-CHURN", "Brightline", "Customer", "Keep customers", "Reduce monthly churn to under 4%."),
        ("S-ONBOARD", "Brightline", "Internal Process", "Onboard customers fast", "Cut onboarding time to 7 days."),
        ("S-SHIP", "Brightline", "Internal Process", "Ship faster", "Reduce the release cycle from 4 weeks to 2."),
        ("S-SUPPORT", "Brightline", "Internal Process", "Resolve support quickly", "95% of support tickets resolved within 4 hours."),
        ("S-AI", "Brightline", "Learning & Growth", "Train product managers on AI tooling", "Every PM uses AI tooling in discovery and specs."),
        ("S-INFRA", "Brightline", "Learning & Growth", "Upgrade developer infrastructure", "Reduce deploy friction with modern CI/CD."),
        ("S-CSM", "Brightline", "Learning & Growth", "Hire senior customer success managers", "Hire 3 senior CSMs."),
        ("M-PIPE", "Marketing", "Financial", "Grow pipeline contribution", "Marketing-sourced pipeline of $4M per quarter."),
        ("M-ROI", "Marketing", "Financial", "Improve campaign ROI", "Cost per qualified opportunity under $800."),
        ("M-BRAND", "Marketing", "Customer", "Build brand authority", "NPS for content engagement of 45+."),
        ("M-CAC", "Marketing", "Customer", "Reduce CAC", "Customer acquisition cost down 15% year on year."),
        ("M-LEADS", "Marketing", "Internal Process", "Improve lead quality", "MQL to SQL conversion above 30%."),
        ("M-SPEED", "Marketing", "Internal Process", "Faster campaign execution", "Time from brief to launch under 10 days."),
        ("M-CONTENT", "Marketing", "Learning & Growth", "Build content capability", "20 articles published per month."),
        ("M-MARTECH", "Marketing", "Learning & Growth", "Improve MarTech adoption", "90% of the team actively uses the marketing automation platform."),
    ];

    /// <summary>Key → OKR objectives (company, department, team) with their key results.</summary>
    public static readonly (string Key, string Unit, OkrLevel Level, string Title, string[] KeyResults)[] Okrs =
    [
        ("C-TRUST", "Brightline", OkrLevel.Company, "Become the most trusted brand in our field", ["Raise the Net Promoter Score from 40 to 65 over the year"]),
        ("C-RELIABLE", "Brightline", OkrLevel.Company, "Run a reliable, fast platform customers can depend on", ["Keep monthly uptime between 99.9% and 100%"]),
        ("C-REVENUE", "Brightline", OkrLevel.Company, "Grow annual recurring revenue from customers who stay", ["Grow annual recurring revenue from 12 to 15 million euros"]),
        ("D-ENG", "Engineering", OkrLevel.Department, "Build software customers can rely on, and ship it sooner", ["Halve the lead time from commit to production"]),
        ("D-SALES", "Sales", OkrLevel.Department, "Win and keep enterprise customers who trust us", ["Raise the win rate on enterprise deals from 20% to 28%"]),
        ("D-CS", "Customer Success", OkrLevel.Department, "Make every support and customer success conversation build customer trust", ["Raise CSAT from 82% to 90%"]),
        ("D-MKT", "Marketing", OkrLevel.Department, "Fill the pipeline with qualified leads at a lower cost", ["Raise marketing-sourced pipeline from $2.8M to $4M per quarter", "Cut cost per qualified opportunity from $1150 to $800"]),
        ("D-PEOPLE", "People", OkrLevel.Department, "Hire, onboard and grow the people we need", ["Cut time to hire from 60 to 40 days", "Raise new-hire onboarding satisfaction from 3.6 to 4.3"]),
        ("T-PLATFORM", "Platform", OkrLevel.Team, "Make the platform reliable and fast for customers who depend on it", ["Cut p95 API latency from 400 ms to 250 ms", "Reduce customer-visible incidents from 6 to 2 per quarter"]),
        ("T-PRODUCT", "Product Engineering", OkrLevel.Team, "Ship reliable features customers ask for, faster and with fewer defects", ["Cut escaped defects per release from 12 to 4", "Release every two weeks"]),
        ("T-ENTERPRISE", "Enterprise Sales", OkrLevel.Team, "Bring in enterprise customers ready to stay", ["Close 12 new enterprise deals", "Raise enterprise deal size from 80k to 100k"]),
        ("T-MIDMARKET", "Mid-Market Sales", OkrLevel.Team, "Grow mid-market deals with customer references", ["Close 30 mid-market deals", "Get 10 customer references"]),
        ("T-SUPPORT", "Support", OkrLevel.Team, "Resolve customer complaints faster and better", ["Cut median complaint resolution time from 48 hours to 24 hours"]),
        ("T-CSM", "Customer Success Management", OkrLevel.Team, "Keep enterprise customers renewing with us", ["Raise enterprise customer retention from 80% to 90%"]),
    ];

    /// <summary>(person's unit, their goal, the parent a manager would pick).</summary>
    public static readonly (string Unit, string Goal, string Expected)[] Cases =
    [
        ("Platform", "Cut deployment time for the platform from 40 to 15 minutes", "T-PLATFORM"),
        ("Platform", "Reduce platform incidents that customers notice", "T-PLATFORM"),
        ("Platform", "Automate database backups and restore tests", "T-PLATFORM"),
        ("Platform", "Bring API latency under 250 ms at p95", "T-PLATFORM"),
        ("Platform", "Add autoscaling so the platform stays fast at peak load", "T-PLATFORM"),
        ("Platform", "Set up on-call runbooks for every platform service", "T-PLATFORM"),
        ("Product Engineering", "Ship the customer reporting features", "T-PRODUCT"),
        ("Product Engineering", "Reduce defects that reach customers", "T-PRODUCT"),
        ("Product Engineering", "Automate regression tests for customer workflows", "T-PRODUCT"),
        ("Product Engineering", "Release the new dashboard features customers requested", "T-PRODUCT"),
        ("Product Engineering", "Move our team to a two-week release train", "T-PRODUCT"),
        ("Enterprise Sales", "Sign enterprise customers who will renew", "T-ENTERPRISE"),
        ("Enterprise Sales", "Close four new enterprise deals this quarter", "T-ENTERPRISE"),
        ("Enterprise Sales", "Grow my average enterprise deal size", "T-ENTERPRISE"),
        ("Enterprise Sales", "Qualify enterprise prospects who are ready to stay", "T-ENTERPRISE"),
        ("Mid-Market Sales", "Close five mid-market deals with customer references", "T-MIDMARKET"),
        ("Mid-Market Sales", "Collect three customer references for mid-market prospects", "T-MIDMARKET"),
        ("Mid-Market Sales", "Grow my mid-market pipeline", "T-MIDMARKET"),
        ("Support", "Resolve customer complaints within 24 hours", "T-SUPPORT"),
        ("Support", "Answer customer tickets with clear and complete replies", "T-SUPPORT"),
        ("Support", "Raise customer satisfaction with clearer complaint answers", "T-SUPPORT"),
        ("Support", "Cut my median resolution time for complaints", "T-SUPPORT"),
        ("Customer Success Management", "Renew my enterprise customers on time", "T-CSM"),
        ("Customer Success Management", "Hold business reviews with my enterprise customers", "T-CSM"),
        ("Customer Success Management", "Keep my enterprise accounts renewing", "T-CSM"),
        ("Customer Success Management", "Raise retention of my enterprise customers to 90%", "T-CSM"),
        ("Marketing", "Publish 20 articles that bring qualified leads", "D-MKT"),
        ("Marketing", "Lower our cost per qualified lead from paid campaigns", "D-MKT"),
        ("Marketing", "Launch campaigns that fill the sales pipeline", "D-MKT"),
        ("Marketing", "Improve lead scoring so more leads are qualified", "D-MKT"),
        ("People", "Cut time to hire for engineering roles", "D-PEOPLE"),
        ("People", "Refresh the onboarding checklist for new hires", "D-PEOPLE"),
        ("People", "Run a career growth program for our people", "D-PEOPLE"),
        ("Engineering", "Halve our lead time from commit to production", "D-ENG"),
    ];

    public static readonly Dictionary<string, Guid> Ids =
        Scorecard.Select(s => s.Key).Concat(Okrs.Select(o => o.Key)).ToDictionary(k => k, _ => Guid.NewGuid());

    public static IReadOnlyList<ChainUnit> ChainOf(string unit)
    {
        var chain = new List<ChainUnit>();
        for (string? u = unit; u is not null; u = ParentUnit[u])
        {
            chain.Add(new ChainUnit(Units[u], u));
        }

        return chain;
    }

    public static IReadOnlyDictionary<Guid, string> UnitNames => Units.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>The graph of every scorecard objective and OKR above individual level, for period 2026-Q4.</summary>
    public static AlignmentGraph Graph()
    {
        var graph = new AlignmentGraph();
        foreach (var s in Scorecard)
        {
            graph.AddScorecardObjective(new ScorecardObjectiveNode(Ids[s.Key], s.Title, s.Perspective, false, s.Description, Units[s.Unit]));
        }

        foreach (var o in Okrs)
        {
            graph.AddObjective(new ObjectiveNode(Ids[o.Key], o.Title, o.Level, o.Level == OkrLevel.Company ? OkrPeriod.Parse("2026") : OkrPeriod.Parse("2026-Q4"),
                KeyResults: [.. o.KeyResults.Select(k => new KeyResultSpec(Guid.NewGuid(), k, KeyResultKind.Metric, 0, 1))], OrgUnitId: Units[o.Unit]));
        }

        return graph;
    }
}

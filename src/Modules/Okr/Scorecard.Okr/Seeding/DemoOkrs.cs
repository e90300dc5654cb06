using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Seeding;

/// <summary>The demo OKRs themselves (see <see cref="OkrSeeder"/>).</summary>
internal static class DemoOkrs
{
    public const string CustomerObjective = "Provide great customer service that builds trust for a long time";

    public static async Task SeedAsync(DemoOkrBuilder b, IReadOnlyList<StrategyObjectiveSummary> scorecard,
        IReadOnlyList<StrategyObjectiveSummary> customer, CancellationToken ct)
    {
        var year = OkrPeriod.Year(OkrSeeder.Year);
        var q4 = OkrPeriod.Quarter(OkrSeeder.Year, 4);
        var root = b.Unit("Brightline");
        async Task<Guid> P(string login) => await b.PersonAsync(login, ct);
        IEnumerable<StrategyObjectiveSummary> Perspective(string part) =>
            scorecard.Where(s => s.PerspectiveName.Contains(part, StringComparison.OrdinalIgnoreCase));

        // ---- Company, 2026 (year) and 2026-Q4 ----
        var maya = await P("maya.lindqvist");
        IEnumerable<StrategyObjectiveSummary> Named(string perspective, params string[] names)
        {
            var inPerspective = Perspective(perspective).ToList();
            var named = inPerspective.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            return named.Count > 0 ? named : inPerspective.Take(1);
        }
        var trusted = b.Objective("Become the most trusted brand in our field", OkrLevel.Company, year, unit: root,
            description: "Strategic vision for 2026 (Customer perspective): delight customers and keep customers, so they trust us for a long time.");
        foreach (var s in customer) b.SupportsScorecard(trusted, s.Id);
        b.KeyResult(trusted, "Raise the Net Promoter Score from 40 to 65 over the year", "metric", 40, 65, "NPS", 0.8, maya, 1);
        var reliable = b.Objective("Run a reliable, fast platform customers can depend on", OkrLevel.Company, year, unit: root,
            description: "Ship faster with fewer incidents and upgrade developer infrastructure, so we keep customers who depend on the platform and reduce churn.");
        foreach (var s in Named("Process", "Ship faster").Concat(Named("Customer", "Keep customers")).Concat(Named("Learning", "Upgrade developer infrastructure"))) b.SupportsScorecard(reliable, s.Id);
        b.KeyResult(reliable, "Keep monthly uptime between 99.9% and 100%", "control", null, null, "%", 0.8, maya, 2, 99.9, 100);
        var revenue = b.Objective("Grow annual recurring revenue from customers who stay", OkrLevel.Company, year, unit: root,
            description: "Customers who stay and trust us grow recurring revenue.");
        foreach (var s in Named("Financ", "Grow annual recurring revenue")) b.SupportsScorecard(revenue, s.Id);
        b.KeyResult(revenue, "Grow annual recurring revenue from 12 to 15 million euros", "metric", 12, 15, "M€", 0.7, maya, 3);

        var company = b.Objective(CustomerObjective, OkrLevel.Company, q4, unit: root,
            description: "Company OKR for the Customer perspective: be the most trusted brand in our field.");
        foreach (var s in customer) b.SupportsScorecard(company, s.Id);
        b.KeyResult(company, "Raise the Net Promoter Score from 45 to 65", "metric", 45, 65, "NPS", 0.75, maya, 10);
        b.KeyResult(company, "Cut the time it takes to resolve customer complaints from 48 hours to 24 hours", "metric", 48, 24, "h", 0.8, maya, 11);
        b.KeyResult(company, "Achieve a 90% customer retention rate from 80% in our enterprise segment", "percentage", 80, 90, "%", 0.7, maya, 12);

        // ---- Departments, 2026-Q4 ----
        var elena = await P("elena.petrova");
        var cs = b.Objective("Make every support and customer success conversation build customer trust", OkrLevel.Department, q4,
            unit: b.Unit("Brightline/Customer Success"),
            description: "Great customer service keeps customers who trust us, and customers who stay grow recurring revenue.");
        b.Supports(cs, company, 0.7);
        b.Supports(cs, revenue, 0.3);
        b.KeyResult(cs, "Lift the Customer Success NPS from 45 to 65", "metric", 45, 65, "NPS", 0.75, elena, 20);
        b.KeyResult(cs, "Resolve customer complaints within 24 hours, down from 48 hours", "metric", 48, 24, "h", 0.85, elena, 21);
        b.KeyResult(cs, "Raise enterprise customer retention from 80% to 90%", "percentage", 80, 90, "%", 0.7, elena, 22);

        var marcus = await P("marcus.johnson");
        var sales = b.Objective("Win and keep enterprise customers who trust us", OkrLevel.Department, q4, unit: b.Unit("Brightline/Sales"),
            description: "Enterprise customers who stay grow annual recurring revenue and trust our customer service.");
        b.Supports(sales, company, 0.6);
        b.Supports(sales, revenue, 0.4);
        b.KeyResult(sales, "Raise enterprise customer retention at renewal from 80% to 90%", "percentage", 80, 90, "%", 0.6, marcus, 30);
        b.KeyResult(sales, "Sign 12 new enterprise customers with a reference call", "metric", 0, 12, "customers", 0.7, marcus, 31);

        // ---- Teams, 2026-Q4 ----
        var ben = await P("ben.harris");
        var support = b.Objective("Resolve customer complaints faster and better", OkrLevel.Team, q4, unit: b.Unit("Brightline/Customer Success/Support"));
        b.Supports(support, cs);
        b.KeyResult(support, "Cut median customer complaint resolution time from 48 hours to 24 hours", "metric", 48, 24, "h", 0.85, ben, 40);
        b.KeyResult(support, "Raise support customer satisfaction from 82% to 92%", "percentage", 82, 92, "%", 0.7, ben, 41);

        var isabel = await P("isabel.santos");
        var csm = b.Objective("Keep enterprise customers renewing with us", OkrLevel.Team, q4,
            unit: b.Unit("Brightline/Customer Success/Customer Success Management"));
        b.Supports(csm, cs);
        b.KeyResult(csm, "Raise enterprise customer retention from 80% to 90%", "percentage", 80, 90, "%", 0.7, isabel, 50);
        b.KeyResult(csm, "Hold business reviews with all 40 enterprise customers", "metric", 0, 40, "reviews", 0.8, isabel, 51);

        var olivia = await P("olivia.brennan");
        var enterprise = b.Objective("Bring in enterprise customers ready to stay", OkrLevel.Team, q4, unit: b.Unit("Brightline/Sales/Enterprise Sales"));
        b.Supports(enterprise, sales);
        b.KeyResult(enterprise, "Sign 8 new enterprise customers", "metric", 0, 8, "customers", 0.65, olivia, 60);

        // ---- People, 2026-Q4: aligned ----
        var chloe = await P("chloe.martin");
        var g = b.Objective("Resolve customer complaints within 24 hours", OkrLevel.Individual, q4, chloe);
        b.Supports(g, support);
        b.KeyResult(g, "Cut my average complaint resolution time from 48 hours to 24 hours", "metric", 48, 24, "h", 0.9, chloe, 100);
        b.KeyResult(g, "Close 95% of my complaint tickets without escalation, up from 85%", "percentage", 85, 95, "%", 0.7, chloe, 101);

        var oscar = await P("oscar.lind");
        g = b.Objective("Raise customer satisfaction with clearer complaint answers", OkrLevel.Individual, q4, oscar);
        b.Supports(g, support);
        b.KeyResult(g, "Raise my customer satisfaction score from 80% to 92%", "percentage", 80, 92, "%", 0.45, oscar, 110);
        b.KeyResult(g, "Write 15 answer templates for common complaints", "metric", 0, 15, "templates", 0.6, oscar, 111);

        var patrick = await P("patrick.doyle");
        g = b.Objective("Renew my enterprise customers and keep their trust", OkrLevel.Individual, q4, patrick);
        b.Supports(g, csm);
        b.KeyResult(g, "Renew 14 of my 15 enterprise customers", "metric", 0, 14, "renewals", 0.75, patrick, 120);
        b.KeyResult(g, "Hold business reviews with all 15 of my enterprise customers", "metric", 0, 15, "reviews", 0.9, patrick, 121);

        var hugo = await P("hugo.lambert");
        g = b.Objective("Sign enterprise customers who will renew", OkrLevel.Individual, q4, hugo);
        b.Supports(g, enterprise);
        b.KeyResult(g, "Sign 3 new enterprise customers", "metric", 0, 3, "customers", 0.7, hugo, 130);

        // ---- People, 2026-Q4: misaligned in each of the six ways ----
        // NOT_MEASURABLE: a key result with no number, no target and no date.
        var nadia = await P("nadia.karim");
        g = b.Objective("Improve the support knowledge base for customers", OkrLevel.Individual, q4, nadia);
        b.Supports(g, support);
        b.KeyResult(g, "Make customers happier", "metric", null, null, null, 0, null, 140);
        b.KeyResult(g, "Publish 20 new help articles for common complaints", "metric", 0, 20, "articles", 0.6, nadia, 141);

        // WEAK_LINK: the text has nothing to do with the parent it claims.
        var kofi = await P("kofi.mensah");
        g = b.Objective("Organise the office summer party and team lunches", OkrLevel.Individual, q4, kofi);
        b.Supports(g, csm);
        b.KeyResult(g, "Book a venue for 40 people by 15 December", "milestone", null, null, null, 0.5, kofi, 150, due: new DateOnly(OkrSeeder.Year, 12, 15));
        g = b.Objective("Renew my enterprise customers on time", OkrLevel.Individual, q4, kofi);
        b.Supports(g, csm);
        b.KeyResult(g, "Renew 12 of my 13 enterprise customers", "metric", 0, 12, "renewals", 0.6, kofi, 151);

        // TOO_MANY: six objectives in one quarter.
        var hannah = await P("hannah.weber");
        string[] many =
        [
            "Renew my enterprise customers before their contracts end",
            "Hold business reviews with every enterprise customer",
            "Reduce enterprise customer complaints",
            "Onboard new enterprise customers in 30 days",
            "Train customers on the new reporting features",
            "Collect customer references for sales",
        ];
        for (var i = 0; i < many.Length; i++)
        {
            g = b.Objective(many[i], OkrLevel.Individual, q4, hannah);
            b.Supports(g, csm);
            b.KeyResult(g, $"Reach {5 + i} of {6 + i} customers", "metric", 0, 6 + i, "customers", 0.5 + (i * 0.08), hannah, 160 + i);
        }

        // UNALIGNED: supports nothing.
        var lucy = await P("lucy.evans");
        g = b.Objective("Refresh the onboarding checklist for new hires", OkrLevel.Individual, q4, lucy);
        b.KeyResult(g, "Publish the new checklist by 30 November", "milestone", null, null, null, 1.0, lucy, 170, due: new DateOnly(OkrSeeder.Year, 11, 30));

        // BROKEN_PARENT: one parent archived, one in another period.
        var kevin = await P("kevin.murphy");
        var archived = b.Objective("Launch a partner channel for mid-market customers", OkrLevel.Team, q4, unit: b.Unit("Brightline/Sales/Mid-Market Sales"));
        archived.Archived = true;
        b.Supports(archived, sales);
        var lena = await P("lena.vogel");
        g = b.Objective("Sign the first three mid-market partners", OkrLevel.Individual, q4, lena);
        b.Supports(g, archived);
        b.KeyResult(g, "Sign 3 partner agreements", "metric", 0, 3, "partners", 0.4, lena, 180);
        var q3 = OkrPeriod.Quarter(OkrSeeder.Year, 3);
        var oldMidMarket = b.Objective("Grow mid-market pipeline with customer references", OkrLevel.Team, q3, unit: b.Unit("Brightline/Sales/Mid-Market Sales"));
        b.Supports(oldMidMarket, revenue);
        b.KeyResult(oldMidMarket, "Grow qualified mid-market pipeline from 1.0 to 1.6 million euros", "metric", 1.0, 1.6, "M€", 0.8, kevin, 181);
        var amir = await P("amir.farouk");
        g = b.Objective("Close five mid-market deals with customer references", OkrLevel.Individual, q4, amir);
        b.Supports(g, oldMidMarket);
        b.KeyResult(g, "Close 5 mid-market deals", "metric", 0, 5, "deals", 0.6, amir, 182);

        // PORTFOLIO_SKEW: four goals, all on one perspective (shows when the strategy has perspective weights).
        var raj = await P("raj.patel");
        string[] revenueGoals =
        [
            "Build the recurring revenue dashboard for finance",
            "Forecast renewal revenue for every quarter",
            "Model pricing changes on recurring revenue",
            "Report revenue from customers who stay each month",
        ];
        for (var i = 0; i < revenueGoals.Length; i++)
        {
            g = b.Objective(revenueGoals[i], OkrLevel.Individual, q4, raj);
            b.Supports(g, revenue);
            b.KeyResult(g, $"Deliver {2 + i} revenue reports to the finance team", "metric", 0, 2 + i, "reports", 0.6, raj, 190 + i);
        }

        // ---- 2026 Q1–Q4: teams and people whose reviews cite these OKRs ----
        await SeedYearAsync(b, year, trusted, reliable, revenue, ct);
    }

    private sealed record TeamPlan(string Unit, string Manager, string TeamTitle, string TeamKr, double Start, double Target, string KrUnit, string[] Reports, string[] Goals);

    private static readonly TeamPlan[] Teams =
    [
        new("Brightline/Engineering/Platform", "priya.raman", "Make the platform reliable and fast for customers who depend on it",
            "Cut p95 API latency from 400 ms to 250 ms", 400, 250, "ms",
            ["tomas.novak", "aisha.bello", "lukas.schmidt", "mei.chen"],
            ["Cut deployment time for the platform from 40 to 15 minutes", "Reduce platform incidents that customers notice",
             "Automate database backups and restore tests", "Move the build pipeline to reproducible containers"]),
        new("Brightline/Engineering/Product Engineering", "jonas.berg", "Ship reliable features customers ask for, faster and with fewer defects",
            "Cut escaped defects per release from 12 to 4", 12, 4, "defects",
            ["sofia.marquez", "ethan.walker", "fatima.haddad", "ryan.oconnell", "yuki.tanaka"],
            ["Ship the customer reporting features", "Reduce defects that reach customers", "Speed up the web app for customers",
             "Automate regression tests for customer workflows", "Improve accessibility of the customer web app"]),
        new("Brightline/Customer Success/Support", "ben.harris", "Resolve customer complaints faster and better",
            "Cut median complaint resolution time from 48 hours to 24 hours", 48, 24, "h",
            ["chloe.martin", "oscar.lind", "nadia.karim"],
            ["Resolve customer complaints within one working day", "Answer customer tickets with clear and complete replies",
             "Grow the support knowledge base for customers"]),
        new("Brightline/Customer Success/Customer Success Management", "isabel.santos", "Keep enterprise customers renewing with us",
            "Raise enterprise customer retention from 80% to 90%", 80, 90, "%",
            ["patrick.doyle", "hannah.weber", "kofi.mensah"],
            ["Renew my enterprise customers on time", "Hold business reviews with my enterprise customers",
             "Onboard new enterprise customers quickly"]),
    ];

    /// <summary>Q1–Q3 team objectives (Q4 ones exist above for Support and CSM) and individual OKRs for every quarter of 2026.</summary>
    private static async Task SeedYearAsync(DemoOkrBuilder b, OkrPeriod year, OkrObjective trusted, OkrObjective reliable, OkrObjective revenue, CancellationToken ct)
    {
        var seed = 1000;
        foreach (var team in Teams)
        {
            var manager = await b.PersonAsync(team.Manager, ct);
            var engineering = team.Unit.Contains("Engineering", StringComparison.Ordinal);
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var period = OkrPeriod.Quarter(year.Start.Year, quarter);
                if (period.Start > b.Today) break;
                if (quarter == 4 && !engineering) continue; // Support and CSM have their 2026-Q4 OKRs above.
                var teamObjective = b.Objective(team.TeamTitle, OkrLevel.Team, period, unit: b.Unit(team.Unit),
                    description: engineering
                        ? "A reliable, fast platform customers can depend on keeps customers, and customers who stay grow recurring revenue."
                        : "Customers who trust us stay, and customers who stay grow recurring revenue.");
                b.Supports(teamObjective, engineering ? reliable : trusted, 0.7);
                b.Supports(teamObjective, revenue, 0.3);
                b.KeyResult(teamObjective, team.TeamKr, team.Start < team.Target && team.KrUnit == "%" ? "percentage" : "metric",
                    team.Start, team.Target, team.KrUnit, 0.6 + (quarter * 0.07), manager, seed++);
                for (var i = 0; i < team.Reports.Length; i++)
                {
                    var person = await b.PersonAsync(team.Reports[i], ct);
                    // Lenient and central managers' teams: a spread of outcomes so ratings can be compared with evidence.
                    var reach = 0.35 + (((i * 37) + (quarter * 17) + team.Unit.Length) % 65 / 100.0);
                    var goal = b.Objective(team.Goals[(i + quarter) % team.Goals.Length], OkrLevel.Individual, period, person);
                    b.Supports(goal, teamObjective);
                    b.KeyResult(goal, team.TeamKr.Replace("median ", "my ", StringComparison.Ordinal), team.Start < team.Target && team.KrUnit == "%" ? "percentage" : "metric",
                        team.Start, team.Target, team.KrUnit, reach, person, seed++);
                    b.KeyResult(goal, $"Deliver {3 + (i % 3)} improvements agreed with my manager",
                        "metric", 0, 3 + (i % 3), "improvements", Math.Min(1.0, reach + 0.15), person, seed++);
                }
            }
        }
    }
}

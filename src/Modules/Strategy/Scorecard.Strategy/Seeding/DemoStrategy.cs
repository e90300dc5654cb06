using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Seeding;

/// <summary>
/// The demo strategy of seed 004 (a B2B SaaS strategy map) and its marketing-team table. Series are monthly
/// readings on the 15th from November 2025 (month 0) to November 2026 (month 12), stopping at today. The series
/// are noisy, as real monthly readings are, and the hypothesis check (on month-on-month changes) finds what was
/// built into them:
/// <list type="bullet">
/// <item>supported: release-cycle cuts are followed two months later by NPS gains ("Ship faster → Delight
/// customers"), and deploy lead-time cuts by shorter release cycles two months later;</item>
/// <item>contradicted: each big infrastructure step is followed a month later by a gross-margin dip (new
/// environments cost money), against "modern infrastructure lifts gross margin";</item>
/// <item>not yet supported: onboarding time only wobbles around 20 days, so "faster onboarding reduces churn" has
/// nothing to show; the other links are independent noise around their trends;</item>
/// <item>not enough data: senior-CSM hires are quarterly.</item>
/// </list>
/// Other deliberate findings: "PMs trained on AI tooling" stops after August 2026 (stale); "Lift gross margin" has
/// no initiative; "Improve MarTech adoption" has no cascade.
/// </summary>
internal static class DemoStrategy
{
    public static readonly DateOnly PeriodStart = new(2025, 11, 1);
    public static readonly DateOnly PeriodEnd = new(2026, 12, 31);
    public const string CompanyName = "Brightline 2026";
    public const string MarketingName = "Marketing 2026";

    public static readonly string[] Logins =
    [
        "maya.lindqvist", "henrik.larsen", "elena.petrova", "ben.harris", "isabel.santos", "jonas.berg", "nora.hansen",
        "priya.raman", "julia.fischer", "leo.moreau", "ava.thompson", "raj.patel", "marcus.johnson", "daniel.okafor",
    ];

    // Onboarding time does not move: noise around 20 days (no trend), so it cannot explain falling churn.
    public static readonly double[] OnboardingDays = [21, 19.5, 20.5, 22, 19, 20, 21.5, 19, 22, 20, 19.5, 21.5, 20];

    // Release-cycle cuts come in steps (the release train, then trunk-based merges) ...
    public static readonly double[] ReleaseCycleWeeks = [4.0, 4.0, 3.7, 3.7, 3.2, 3.1, 3.1, 2.6, 2.6, 2.5, 2.2, 2.3, 2.2];

    // ... and NPS gains follow them two months later, on top of a slow drift and survey noise.
    public static readonly double[] NetPromoterScore = [32, 32.8, 34.3, 33.5, 35, 35.8, 40.3, 41, 41, 44.8, 45.5, 46.3, 49.3];

    // Deploy lead time falls in three big steps (new pipeline, ephemeral environments, caching) that precede the
    // release-cycle cuts by two months ...
    public static readonly double[] DeployLeadTimeHours = [48, 47, 40, 39, 38, 27, 26, 25, 17, 16, 12, 11, 9];

    // ... and each step costs hosting money: gross margin dips the month after, against the map's hypothesis.
    public static readonly double[] GrossMargin = [72.0, 72.8, 73.5, 73.7, 74.3, 75.0, 75.0, 75.6, 76.2, 76.0, 76.6, 77.1, 77.9];

    private sealed class Builder(StrategyDbContext db, Dictionary<string, Guid> people, DateOnly today)
    {
        public Dictionary<string, ObjectiveRecord> Objectives { get; } = new();
        public ScorecardRecord Scorecard { get; set; } = null!;
        private readonly Dictionary<string, PerspectiveRecord> _perspectives = new();

        public Guid? Person(string login) => people.TryGetValue(login, out var id) ? id : null;

        public void Perspectives(params (string Name, double Weight)[] perspectives)
        {
            for (var i = 0; i < perspectives.Length; i++)
            {
                var p = new PerspectiveRecord { ScorecardId = Scorecard.Id, Name = perspectives[i].Name, Weight = perspectives[i].Weight, Position = i };
                _perspectives[p.Name] = p;
                db.Perspectives.Add(p);
            }
        }

        public ObjectiveRecord Objective(string perspective, string name, string owner, string description, double weight = 1)
        {
            var o = new ObjectiveRecord
            {
                ScorecardId = Scorecard.Id,
                PerspectiveId = _perspectives[perspective].Id,
                Name = name,
                Description = description,
                OwnerId = Person(owner),
                Weight = weight,
                Position = Objectives.Values.Count(x => x.PerspectiveId == _perspectives[perspective].Id),
            };
            Objectives[name] = o;
            db.Objectives.Add(o);
            return o;
        }

        public KpiRecord Kpi(ObjectiveRecord objective, string name, string unit, string owner, string source, string direction,
            double baseline, double target, double min, double max, bool leading, IReadOnlyList<double> series,
            string interval = "monthly", int lastMonth = 12, int[]? months = null)
        {
            var k = new KpiRecord
            {
                ObjectiveId = objective.Id,
                Name = name,
                Unit = unit,
                OwnerId = Person(owner),
                DataSource = source,
                Direction = direction,
                Baseline = baseline,
                Target = target,
                Min = min,
                Max = max,
                UpdateInterval = interval,
                Leading = leading,
                TrackingSince = PeriodStart,
            };
            db.Kpis.Add(k);
            var monthList = months ?? Enumerable.Range(0, Math.Min(lastMonth, series.Count - 1) + 1).ToArray();
            foreach (var m in monthList)
            {
                var date = new DateOnly(2025, 11, 15).AddMonths(m);
                if (date > today || date > PeriodEnd)
                {
                    break;
                }

                db.Measurements.Add(new MeasurementRecord
                {
                    KpiId = k.Id,
                    Date = date,
                    Value = series[Math.Min(m, series.Count - 1)],
                    Note = m == 0 ? "Baseline reading" : null,
                    EnteredById = k.OwnerId,
                    EnteredAt = new DateTimeOffset(date.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
                });
            }

            return k;
        }

        public void Link(string from, string to, string hypothesis) => db.Links.Add(new MapLinkRecord
        {
            ScorecardId = Scorecard.Id,
            FromObjectiveId = Objectives[from].Id,
            ToObjectiveId = Objectives[to].Id,
            Hypothesis = hypothesis,
        });

        public void Initiative(string objective, string name, string owner, DateOnly start, DateOnly end, decimal budget, string status, double percent)
        {
            var i = new InitiativeRecord
            {
                ScorecardId = Scorecard.Id,
                Name = name,
                OwnerId = Person(owner),
                Start = start,
                End = end,
                Budget = budget,
                Currency = "EUR",
                Status = status,
                PercentComplete = percent,
            };
            db.Initiatives.Add(i);
            db.InitiativeObjectives.Add(new InitiativeObjectiveRecord { InitiativeId = i.Id, ObjectiveId = Objectives[objective].Id });
        }
    }

    public static void Build(StrategyDbContext db, Guid rootUnitId, Guid? marketingUnitId, Dictionary<string, Guid> people, DateOnly today)
    {
        var c = new Builder(db, people, today);
        c.Scorecard = new ScorecardRecord
        {
            Name = CompanyName,
            OrgUnitId = rootUnitId,
            IsCompany = true,
            OwnerId = c.Person("maya.lindqvist"),
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            CreatedAt = new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero),
        };
        db.Scorecards.Add(c.Scorecard);
        c.Perspectives(("Financial", 0.3), ("Customer", 0.3), ("Internal Process", 0.2), ("Learning & Growth", 0.2));

        var arr = c.Objective("Financial", "Grow annual recurring revenue", "henrik.larsen", "Grow ARR by 40% year on year.");
        var margin = c.Objective("Financial", "Lift gross margin", "henrik.larsen", "Lift gross margin to 78%.");
        var nps = c.Objective("Customer", "Delight customers", "elena.petrova", "Lift NPS to 50.");
        var churn = c.Objective("Customer", "Keep customers", "elena.petrova", "Reduce monthly churn to under 4%.");
        var onboarding = c.Objective("Internal Process", "Onboard customers fast", "isabel.santos", "Cut onboarding time to 7 days.");
        var release = c.Objective("Internal Process", "Ship faster", "jonas.berg", "Reduce the release cycle from 4 weeks to 2.");
        var support = c.Objective("Internal Process", "Resolve support quickly", "ben.harris", "95% of support tickets resolved within 4 hours.");
        var training = c.Objective("Learning & Growth", "Train product managers on AI tooling", "nora.hansen", "Every PM uses AI tooling in discovery and specs.");
        var infra = c.Objective("Learning & Growth", "Upgrade developer infrastructure", "priya.raman", "Reduce deploy friction with modern CI/CD.");
        var csm = c.Objective("Learning & Growth", "Hire senior customer success managers", "elena.petrova", "Hire 3 senior CSMs.");

        c.Kpi(arr, "ARR growth (year on year)", "%", "henrik.larsen", "Finance: billing system ARR report", "increase", 18, 40, 0, 60, false,
            [18.5, 19.8, 21.1, 22.3, 24.1, 24.6, 26.9, 27.3, 27.4, 29.0, 31.2, 32.3, 33.0]);
        c.Kpi(margin, "Gross margin", "%", "henrik.larsen", "Finance: monthly P&L", "increase", 72, 78, 60, 85, false,
            GrossMargin);
        c.Kpi(nps, "Net Promoter Score", "points", "elena.petrova", "Quarterly NPS survey (rolling monthly sample)", "increase", 32, 50, -100, 100, false,
            NetPromoterScore);
        c.Kpi(churn, "Monthly logo churn", "%", "elena.petrova", "CRM: churned accounts / accounts at month start", "decrease", 6, 4, 0, 10, false,
            [6.19, 6.06, 5.69, 5.41, 5.2, 5.21, 4.9, 4.68, 4.76, 4.6, 4.5, 4.12, 4.1]);
        c.Kpi(onboarding, "Onboarding time (days to go-live)", "days", "isabel.santos", "CS platform: kickoff to go-live", "decrease", 21, 7, 0, 40, true,
            OnboardingDays);
        c.Kpi(release, "Release cycle", "weeks", "jonas.berg", "Release calendar", "decrease", 4, 2, 0, 8, true,
            ReleaseCycleWeeks);
        c.Kpi(support, "Tickets resolved within 4 hours", "%", "ben.harris", "Helpdesk SLA report", "increase", 78, 95, 0, 100, true,
            [77.9, 77.7, 81.0, 82.1, 85.4, 84.5, 85.4, 88.0, 88.2, 90.2, 90.1, 92.0, 94.0]);
        c.Kpi(training, "Product managers trained on AI tooling", "%", "nora.hansen", "Learning platform completions", "increase", 0, 100, 0, 100, true,
            [0, 4, 9, 17, 20, 27, 35, 38, 44, 52], lastMonth: 9); // last entered for August 2026: stale since
        c.Kpi(infra, "Deployment lead time", "hours", "priya.raman", "CI/CD pipeline metrics", "decrease", 48, 4, 0, 72, true,
            DeployLeadTimeHours);
        c.Kpi(csm, "Senior CSMs hired", "people", "elena.petrova", "Recruiting tracker", "increase", 0, 3, 0, 3, true,
            [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2], interval: "quarterly", months: [1, 4, 7, 10]);

        c.Link("Train product managers on AI tooling", "Ship faster", "If product managers use AI tooling, specs get ready sooner and the release cycle shortens.");
        c.Link("Upgrade developer infrastructure", "Ship faster", "If deploys get easier, we can release every two weeks.");
        c.Link("Upgrade developer infrastructure", "Lift gross margin", "Modern infrastructure lowers hosting cost per customer, which lifts gross margin.");
        c.Link("Hire senior customer success managers", "Onboard customers fast", "Senior CSMs run onboarding projects faster.");
        c.Link("Onboard customers fast", "Keep customers", "Faster onboarding reduces early churn.");
        c.Link("Ship faster", "Delight customers", "Shorter release cycles let the product improve faster, which lifts NPS.");
        c.Link("Resolve support quickly", "Delight customers", "Better support lifts NPS.");
        c.Link("Delight customers", "Grow annual recurring revenue", "Promoters expand and refer: a rising NPS precedes ARR growth.");
        c.Link("Keep customers", "Grow annual recurring revenue", "Lower churn keeps renewal revenue and lifts ARR growth.");

        c.Initiative("Train product managers on AI tooling", "AI tooling academy for product managers", "nora.hansen", new(2025, 11, 1), new(2026, 12, 31), 45_000, "active", 65);
        c.Initiative("Upgrade developer infrastructure", "CI/CD pipeline and ephemeral environments", "priya.raman", new(2025, 11, 1), new(2026, 9, 30), 120_000, "done", 100);
        c.Initiative("Hire senior customer success managers", "Senior CSM hiring plan", "elena.petrova", new(2026, 1, 1), new(2026, 12, 31), 60_000, "active", 67);
        c.Initiative("Onboard customers fast", "Onboarding playbook and templates", "isabel.santos", new(2026, 2, 1), new(2026, 10, 31), 20_000, "active", 80);
        c.Initiative("Ship faster", "Two-week release train", "jonas.berg", new(2025, 12, 1), new(2026, 6, 30), 15_000, "done", 100);
        c.Initiative("Resolve support quickly", "Support tiering and a 4-hour SLA", "ben.harris", new(2026, 1, 1), new(2026, 12, 31), 35_000, "active", 75);
        c.Initiative("Delight customers", "Customer advisory board", "elena.petrova", new(2026, 3, 1), new(2026, 12, 31), 10_000, "active", 50);
        c.Initiative("Keep customers", "Churn early-warning playbook", "elena.petrova", new(2026, 1, 15), new(2026, 8, 31), 8_000, "done", 100);
        c.Initiative("Grow annual recurring revenue", "Expansion pricing tiers", "henrik.larsen", new(2026, 4, 1), new(2026, 12, 31), 25_000, "active", 40);

        var company = c.Scorecard;
        if (marketingUnitId is { } marketingUnit)
        {
            BuildMarketing(db, people, today, company, marketingUnit, c.Objectives);
        }

        AddReview(db, c, new DateOnly(2026, 7, 7), "Q2 2026 strategy review",
            "Release train delivered; onboarding still flat despite the playbook.",
            ["maya.lindqvist", "henrik.larsen", "elena.petrova", "jonas.berg", "nora.hansen", "isabel.santos"],
            [
                ("decision", "Keep the two-week release train as the default cadence.", "jonas.berg", null, "Ship faster"),
                ("action", "Add a go-live checklist to every onboarding project.", "isabel.santos", new DateOnly(2026, 8, 31), "Onboard customers fast"),
            ], today);
        AddReview(db, c, new DateOnly(2026, 10, 6), "Q3 2026 strategy review",
            "Churn is falling but onboarding time is not: the data does not support \"faster onboarding reduces churn\".",
            ["maya.lindqvist", "henrik.larsen", "elena.petrova", "ben.harris", "isabel.santos", "jonas.berg", "nora.hansen", "priya.raman", "julia.fischer"],
            [
                ("decision", "Onboarding time is not moving churn: keep the onboarding initiative but test the hypothesis that churn follows support resolution.", "elena.petrova", null, "Keep customers"),
                ("action", "Interview the ten most recently churned accounts about onboarding and report back.", "isabel.santos", new DateOnly(2026, 11, 30), "Onboard customers fast"),
                ("action", "Resume monthly reporting of AI-tooling training (no data since August).", "nora.hansen", new DateOnly(2026, 11, 15), "Train product managers on AI tooling"),
                ("decision", "Shift 10% of the paid media budget to SEO content.", "julia.fischer", new DateOnly(2026, 12, 31), "Grow annual recurring revenue"),
            ], today);
    }

    private static void AddReview(StrategyDbContext db, Builder c, DateOnly heldOn, string title, string notes, string[] attendees,
        (string Kind, string Text, string Owner, DateOnly? Due, string Objective)[] decisions, DateOnly today)
    {
        if (heldOn > today)
        {
            return;
        }

        var review = new StrategyReviewRecord
        {
            ScorecardId = c.Scorecard.Id,
            HeldOn = heldOn,
            Title = title,
            Notes = notes,
            Attendees = string.Join(",", attendees.Select(c.Person).OfType<Guid>()),
            RecordedById = c.Person("maya.lindqvist"),
            RecordedAt = new DateTimeOffset(heldOn.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero),
        };
        db.Reviews.Add(review);
        for (var i = 0; i < decisions.Length; i++)
        {
            var d = decisions[i];
            db.Decisions.Add(new ReviewDecisionRecord
            {
                ReviewId = review.Id,
                Kind = d.Kind,
                Text = d.Text,
                OwnerId = c.Person(d.Owner),
                DueOn = d.Due,
                ObjectiveId = c.Objectives[d.Objective].Id,
                Position = i,
            });
        }
    }

    private static void BuildMarketing(StrategyDbContext db, Dictionary<string, Guid> people, DateOnly today, ScorecardRecord company,
        Guid marketingUnit, Dictionary<string, ObjectiveRecord> companyObjectives)
    {
        var m = new Builder(db, people, today);
        m.Scorecard = new ScorecardRecord
        {
            Name = MarketingName,
            OrgUnitId = marketingUnit,
            IsCompany = false,
            ParentScorecardId = company.Id,
            OwnerId = m.Person("julia.fischer"),
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            CreatedAt = new DateTimeOffset(2025, 10, 27, 9, 0, 0, TimeSpan.Zero),
        };
        db.Scorecards.Add(m.Scorecard);
        m.Perspectives(("Financial", 1), ("Customer", 1), ("Internal Process", 1), ("Learning & Growth", 1));

        var pipeline = m.Objective("Financial", "Grow pipeline contribution", "julia.fischer", "Marketing-sourced pipeline of $4M per quarter.");
        var roi = m.Objective("Financial", "Improve campaign ROI", "ava.thompson", "Cost per qualified opportunity under $800.");
        var brand = m.Objective("Customer", "Build brand authority", "leo.moreau", "NPS for content engagement of 45+.");
        var cac = m.Objective("Customer", "Reduce CAC", "raj.patel", "Customer acquisition cost down 15% year on year.");
        var quality = m.Objective("Internal Process", "Improve lead quality", "ava.thompson", "MQL to SQL conversion above 30%.");
        var speed = m.Objective("Internal Process", "Faster campaign execution", "julia.fischer", "Time from brief to launch under 10 days.");
        var content = m.Objective("Learning & Growth", "Build content capability", "leo.moreau", "20 articles published per month.");
        var martech = m.Objective("Learning & Growth", "Improve MarTech adoption", "raj.patel", "90% of the team actively uses the marketing automation platform.");

        m.Kpi(pipeline, "Marketing-sourced pipeline (quarterly run rate)", "$", "julia.fischer", "CRM pipeline report", "increase", 2_800_000, 4_000_000, 0, 6_000_000, false,
            [2_880_000, 2_960_000, 2_950_000, 2_980_000, 3_030_000, 3_180_000, 3_190_000, 3_240_000, 3_410_000, 3_480_000, 3_580_000, 3_570_000, 3_700_000]);
        m.Kpi(roi, "Cost per qualified opportunity", "$", "ava.thompson", "Ad platforms + CRM", "decrease", 1150, 800, 0, 2000, false,
            [1149, 1097, 1108, 1078, 1090, 1024, 992, 991, 947, 934, 885, 870, 858]);
        m.Kpi(brand, "NPS for content engagement", "points", "leo.moreau", "Newsletter and content survey", "increase", 30, 45, -100, 100, true,
            [31, 31, 31, 34, 34, 36, 36, 38, 38, 39, 41, 40, 42]);
        m.Kpi(cac, "Customer acquisition cost", "$", "raj.patel", "Finance: S&M cost / new customers", "decrease", 12_000, 10_200, 0, 20_000, false,
            [11_920, 12_170, 11_740, 11_720, 11_590, 11_330, 11_020, 11_270, 10_940, 10_980, 10_550, 10_560, 10_690]);
        m.Kpi(quality, "MQL to SQL conversion", "%", "ava.thompson", "CRM funnel report", "increase", 22, 30, 0, 100, true,
            [22.7, 21.9, 22.5, 23.7, 24.7, 25.0, 25.7, 25.6, 27.0, 27.8, 27.6, 27.7, 28.6]);
        m.Kpi(speed, "Time from brief to launch", "days", "julia.fischer", "Project board", "decrease", 18, 10, 0, 30, true,
            [19, 16, 17, 16, 16, 15, 15, 15, 14, 14, 12, 11, 11]);
        m.Kpi(content, "Articles published per month", "articles", "leo.moreau", "CMS", "increase", 8, 20, 0, 30, true,
            [5, 9, 10, 9, 12, 11, 10, 13, 13, 14, 15, 18, 17]);
        m.Kpi(martech, "Active use of marketing automation platform", "% of team", "raj.patel", "Automation platform seat report", "increase", 50, 90, 0, 100, true,
            [50, 53, 51, 59, 56, 61, 60, 63, 66, 73, 72, 72, 74]);

        m.Link("Build content capability", "Build brand authority", "More expert content builds brand authority.");
        m.Link("Improve MarTech adoption", "Faster campaign execution", "A team fluent in the automation platform launches campaigns faster.");
        m.Link("Faster campaign execution", "Grow pipeline contribution", "Campaigns that launch sooner fill the pipeline sooner.");
        m.Link("Improve lead quality", "Grow pipeline contribution", "Better-qualified leads become pipeline.");
        m.Link("Build brand authority", "Reduce CAC", "Buyers who already trust the brand cost less to acquire.");
        m.Link("Reduce CAC", "Improve campaign ROI", "Cheaper acquisition lowers the cost per qualified opportunity.");

        m.Initiative("Grow pipeline contribution", "Increase paid media budget by 30%", "julia.fischer", new(2026, 1, 1), new(2026, 12, 31), 90_000, "active", 70);
        m.Initiative("Improve campaign ROI", "Consolidate ad spend to top 3 channels", "ava.thompson", new(2026, 1, 1), new(2026, 6, 30), 0, "done", 100);
        m.Initiative("Build brand authority", "Launch weekly executive newsletter", "leo.moreau", new(2025, 12, 1), new(2026, 3, 31), 5_000, "done", 100);
        m.Initiative("Reduce CAC", "Invest in SEO content at top of funnel", "raj.patel", new(2026, 2, 1), new(2026, 12, 31), 30_000, "active", 55);
        m.Initiative("Improve lead quality", "Tighten lead scoring with sales team", "ava.thompson", new(2026, 1, 15), new(2026, 5, 31), 2_000, "done", 100);
        m.Initiative("Faster campaign execution", "Standardize creative briefs and approval workflow", "julia.fischer", new(2026, 2, 1), new(2026, 7, 31), 3_000, "done", 100);
        m.Initiative("Build content capability", "Hire 2 senior content writers", "leo.moreau", new(2026, 1, 1), new(2026, 9, 30), 140_000, "active", 50);
        m.Initiative("Improve MarTech adoption", "Run quarterly tool training sessions", "raj.patel", new(2026, 1, 1), new(2026, 12, 31), 4_000, "active", 75);

        void Contribute(ObjectiveRecord child, string parent, double weight) =>
            db.Contributions.Add(new ContributionRecord { ChildObjectiveId = child.Id, ParentObjectiveId = companyObjectives[parent].Id, Weight = weight });
        Contribute(pipeline, "Grow annual recurring revenue", 1.0);
        Contribute(roi, "Grow annual recurring revenue", 0.5);
        Contribute(roi, "Lift gross margin", 0.3);
        Contribute(cac, "Grow annual recurring revenue", 0.5);
        Contribute(brand, "Delight customers", 0.3);
        Contribute(quality, "Grow annual recurring revenue", 0.5);
        Contribute(speed, "Grow annual recurring revenue", 0.25);
        Contribute(content, "Delight customers", 0.25);
        // "Improve MarTech adoption" deliberately has no cascade: the health panel shows BROKEN_CASCADE for it.
    }
}

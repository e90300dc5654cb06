using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Modules;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Seeding;

/// <summary>
/// The demo "H2 2026 review" in the manager phase: self-reviews written, peer feedback in (three or
/// more peers for some), a year of continuous feedback (vague, personality-focused and specific), and
/// two managers whose submitted ratings are material for the bias checks: priya.raman (all near the
/// top) and ben.harris (all in the middle). Only with <c>Scorecard:Demo</c> and empty tables.
/// </summary>
internal sealed class ReviewsSeeder : IModuleInitializer
{
    public int Order => 130;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!sp.GetRequiredService<IConfiguration>().GetValue("Scorecard:Demo", true)) return;
        var db = sp.GetRequiredService<ReviewsDbContext>();
        if (await db.Cycles.AnyAsync(cancellationToken) || await db.Feedback.AnyAsync(cancellationToken)) return;
        var directory = sp.GetRequiredService<IOrganizationDirectory>();
        var people = new Dictionary<string, PersonSummary>();
        foreach (var login in DemoReviews.Logins)
            if (await directory.FindByEmailAsync($"{login}@brightline.example", cancellationToken) is { } p) people[login] = p;
        if (!people.ContainsKey("priya.raman") || !people.ContainsKey("ben.harris")) return; // not the demo organization
        var root = (await directory.GetUnitsAsync(cancellationToken)).FirstOrDefault(u => u.ParentId is null);
        if (root is null) return;
        await DemoReviews.SeedAsync(db, directory, people, root.Id, cancellationToken);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecard.Seeding").LogInformation("Seeded the demo review cycle.");
    }
}

internal static class DemoReviews
{
    public const string CycleName = "H2 2026 review";

    private static DateTimeOffset At(string date) => DateTimeOffset.Parse(date + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // (from, to, kind, visibility, date, text)
    private static readonly (string From, string To, string Kind, string Visibility, string Date, string Text)[] Feedback =
    [
        ("priya.raman", "tomas.novak", "praise", "public", "2025-12-04", "Cut the p95 build time from 14 to 6 minutes by caching dependencies — every team ships faster now."),
        ("aisha.bello", "tomas.novak", "feedback", "shared", "2026-01-19", "Great job, team player."),
        ("daniel.okafor", "tomas.novak", "praise", "public", "2026-03-02", "Led the Postgres 16 upgrade with zero downtime across 3 regions."),
        ("mei.chen", "tomas.novak", "feedback", "shared", "2026-05-14", "Your runbook for the cache cluster let me resolve the May 12 incident in 20 minutes without paging you."),
        ("priya.raman", "tomas.novak", "feedback", "private", "2026-08-21", "Always works so hard and puts in long hours, very dedicated."),
        ("lukas.schmidt", "tomas.novak", "feedback", "shared", "2026-10-08", "Reviewed 40 of my pull requests this quarter and each review caught something real."),
        ("priya.raman", "aisha.bello", "feedback", "private", "2026-02-11", "She can be abrasive and emotional in meetings."),
        ("tomas.novak", "aisha.bello", "praise", "public", "2026-04-23", "Brought the on-call pages down from 31 to 9 a month by fixing the noisy alerts."),
        ("mei.chen", "aisha.bello", "feedback", "shared", "2026-07-15", "Great job, good attitude."),
        ("priya.raman", "aisha.bello", "feedback", "shared", "2026-09-30", "Wrote the SLO policy; error budget burn is now reviewed weekly and incidents fell 40 %."),
        ("daniel.okafor", "aisha.bello", "feedback", "private", "2026-11-10", "Aisha is too aggressive when she disagrees."),
        ("tomas.novak", "lukas.schmidt", "feedback", "shared", "2026-01-28", "Nice work, keep it up."),
        ("priya.raman", "lukas.schmidt", "feedback", "shared", "2026-06-03", "Automated the staging environment teardown, saving 1,800 dollars a month."),
        ("aisha.bello", "lukas.schmidt", "feedback", "shared", "2026-11-05", "Great job, team player."),
        ("tomas.novak", "mei.chen", "praise", "public", "2026-03-18", "Migrated 120 services to the new deploy pipeline two weeks ahead of plan."),
        ("priya.raman", "mei.chen", "feedback", "private", "2026-09-12", "She is very helpful and warm, everyone likes her."),
        ("elena.petrova", "chloe.martin", "praise", "public", "2026-02-06", "Resolved the Northwind escalation in 2 days and kept the renewal worth 80,000 dollars."),
        ("ben.harris", "chloe.martin", "feedback", "shared", "2026-05-20", "Solid, does what is asked."),
        ("oscar.lind", "chloe.martin", "feedback", "shared", "2026-10-27", "Great job, team player."),
        ("ben.harris", "oscar.lind", "feedback", "private", "2026-03-09", "Oscar is difficult to work with and defensive."),
        ("nadia.karim", "oscar.lind", "feedback", "shared", "2026-07-02", "Wrote 14 knowledge-base articles that cut repeat tickets on SSO by a third."),
        ("ben.harris", "oscar.lind", "feedback", "shared", "2026-11-12", "Needs to improve."),
        ("ben.harris", "nadia.karim", "feedback", "private", "2026-01-14", "She can be abrasive and emotional in meetings."),
        ("chloe.martin", "nadia.karim", "praise", "public", "2026-06-25", "Brought first-response time on priority tickets from 4 hours to 50 minutes."),
        ("ben.harris", "nadia.karim", "feedback", "shared", "2026-09-04", "Works hard and tries hard every day."),
        ("jonas.berg", "sofia.marquez", "praise", "public", "2026-04-02", "Shipped the new billing page; checkout conversion rose from 2.1 % to 2.9 %."),
        ("ethan.walker", "sofia.marquez", "feedback", "shared", "2026-08-19", "Great job, team player."),
        ("jonas.berg", "ethan.walker", "feedback", "shared", "2026-10-01", "Delivered the export API used by 12 enterprise customers in its first month."),
        ("yuki.tanaka", "ryan.oconnell", "feedback", "shared", "2026-07-22", "Nice work."),
        ("julia.fischer", "leo.moreau", "praise", "public", "2026-05-05", "The case-study series brought 340 qualified leads in Q2."),
        ("isabel.santos", "patrick.doyle", "feedback", "shared", "2026-08-07", "Raised net revenue retention in his book from 98 % to 107 %."),
        ("kevin.murphy", "lena.vogel", "praise", "public", "2026-09-22", "Closed 11 new mid-market accounts in Q3, 140 % of quota."),
        ("amir.farouk", "lena.vogel", "feedback", "shared", "2026-11-03", "Great job, good attitude."),
        ("kevin.murphy", "lena.vogel", "feedback", "private", "2026-06-16", "Lena is sometimes too intense with prospects."),
        // The people added for the bias checks (issue 6): vague and personality-focused lines, and James's feedback all
        // written in the last week before the reviews (the recency check flags it).
        ("priya.raman", "noah.becker", "feedback", "shared", "2026-08-12", "Great job, team player."),
        ("tomas.novak", "noah.becker", "praise", "public", "2026-10-14", "Wrote the Terraform module that cut new-service setup from two days to 40 minutes."),
        ("priya.raman", "sana.iqbal", "feedback", "private", "2026-09-08", "Sana is bossy and too emotional in incident calls."),
        ("aisha.bello", "sana.iqbal", "feedback", "shared", "2026-07-21", "Took over the paging rotation and closed 23 stale alerts in her first month on it."),
        ("ben.harris", "marta.kowalska", "feedback", "shared", "2026-08-26", "Nice work, keep it up."),
        ("ben.harris", "james.obrien", "feedback", "shared", "2026-11-16", "Great job, team player."),
        ("chloe.martin", "james.obrien", "feedback", "shared", "2026-11-16", "Handled the Contoso outage queue on Monday; 62 tickets answered the same day."),
        ("ben.harris", "james.obrien", "feedback", "private", "2026-11-17", "Works hard and puts in long hours."),
        ("oscar.lind", "james.obrien", "praise", "public", "2026-11-18", "Walked me through the SSO troubleshooting guide he wrote."),
        ("ben.harris", "james.obrien", "feedback", "shared", "2026-11-19", "Good attitude."),
        ("nadia.karim", "james.obrien", "feedback", "shared", "2026-11-20", "Great job on the billing macros."),
        ("ben.harris", "lina.sorensen", "feedback", "private", "2026-10-06", "Lina is defensive and difficult to work with."),
    ];

    public static IEnumerable<string> Logins =>
        Feedback.SelectMany(f => new[] { f.From, f.To }).Concat(
        [
            "maya.lindqvist", "priya.raman", "ben.harris", "jonas.berg", "isabel.santos", "kevin.murphy",
            "tomas.novak", "aisha.bello", "lukas.schmidt", "mei.chen", "chloe.martin", "oscar.lind", "nadia.karim",
            "patrick.doyle", "hannah.weber", "kofi.mensah", "sofia.marquez", "ethan.walker", "fatima.haddad", "ryan.oconnell", "yuki.tanaka",
            "sara.nilsson", "noah.becker", "sana.iqbal", "marta.kowalska", "james.obrien", "lina.sorensen",
        ]).Distinct();

    public static async Task SeedAsync(ReviewsDbContext db, IOrganizationDirectory directory, Dictionary<string, PersonSummary> people, Guid rootUnitId, CancellationToken ct)
    {
        Guid Id(string login) => people[login].Id;
        var hr = people.GetValueOrDefault("sara.nilsson")?.Id;

        var definition = TemplateDefinition.Create(1, 5, null,
        [
            new SectionInput(SectionKind.Goals, "Goals and key results", 40, null, null),
            new SectionInput(SectionKind.Competencies, "Competencies", 60, ["Delivery", "Collaboration", "Craft", "Ownership"], null),
            new SectionInput(SectionKind.Questions, "Reflection", 0, null,
                ["What were your most important outcomes this period?", "Where do you want to grow next?"]),
        ]);
        var template = new ReviewTemplate { Name = "Brightline review 2026", Definition = definition, CreatedBy = hr, CreatedAt = At("2026-06-01") };
        db.Templates.Add(template);
        var cycle = new ReviewCycle
        {
            Name = CycleName, PeriodStart = new DateOnly(2026, 7, 1), PeriodEnd = new DateOnly(2026, 12, 31),
            TemplateId = template.Id, NineBox = true, OrgUnitIds = [rootUnitId], PersonIds = [],
            SelfDeadline = new DateOnly(2026, 10, 31), PeerDeadline = new DateOnly(2026, 11, 14), ManagerDeadline = new DateOnly(2026, 12, 4),
            CalibrationDeadline = new DateOnly(2026, 12, 11), SignoffDeadline = new DateOnly(2027, 1, 15),
            Phase = ReviewPhase.Manager, CreatedBy = hr, CreatedAt = At("2026-06-15"), LaunchedAt = At("2026-10-01"),
        };
        db.Cycles.Add(cycle);

        var everyone = (await directory.GetPeopleInUnitAsync(rootUnitId, true, ct)).Where(p => p.Active).ToList();
        var reviews = everyone.ToDictionary(p => p.Id, p => new Review { CycleId = cycle.Id, PersonId = p.Id, ManagerId = p.ManagerId });
        cycle.WithoutManager = everyone.Where(p => p.ManagerId is null).Select(p => p.Id).ToList();
        var questions = definition.Questions.ToList();
        var competencies = definition.Competencies.ToList();
        var i = 0;
        foreach (var p in everyone.OrderBy(p => p.Name))
        {
            i++;
            if (i % 9 == 0) continue; // a few self-reviews are still missing
            var r = reviews[p.Id];
            r.SelfAnswers = new Dictionary<Guid, string>
            {
                [questions[0].Id] = $"I focused on my team's main goals this half; the outcomes I am proudest of are in my OKR check-ins.",
                [questions[1].Id] = "I want to take on more ownership of cross-team work and mentor newer colleagues.",
            };
            r.SelfUpdatedAt = At($"2026-10-{10 + i % 20:00}");
            r.SelfCompletedAt = r.SelfUpdatedAt;
        }
        var tomas = reviews[Id("tomas.novak")];
        tomas.SelfAnswers = new Dictionary<Guid, string>
        {
            [questions[0].Id] = "Cut the p95 build time from 14 to 6 minutes and led the Postgres 16 upgrade with zero downtime.",
            [questions[1].Id] = "I want to lead the multi-region design next half.",
        };

        void Submit(string login, int overall, int potential, int[] ratings, string narrative)
        {
            if (!people.ContainsKey(login)) return; // an organization seeded before the issue-6 people were added
            var r = reviews[Id(login)];
            r.Ratings = competencies.Select((c, k) => (c.Id, ratings[k])).ToDictionary(x => x.Id, x => x.Item2);
            r.OverallRating = overall;
            r.SubmittedOverallRating = overall;
            r.Potential = potential;
            r.Narrative = narrative;
            r.ManagerStatus = ManagerReviewStatus.Submitted;
            r.ManagerUpdatedAt = At("2026-11-18");
            r.SubmittedAt = At("2026-11-18");
        }
        // priya.raman: every rating near the top.
        Submit("tomas.novak", 5, 3, [5, 5, 5, 5], "Great job, team player. Tomas cut the p95 build time from 14 to 6 minutes and led the Postgres upgrade.");
        Submit("aisha.bello", 5, 2, [5, 4, 5, 5], "She can be abrasive and emotional in meetings, but a great job overall and a team player.");
        Submit("lukas.schmidt", 5, 2, [5, 5, 4, 5], "Great job, team player. Works very hard and puts in long hours.");
        Submit("mei.chen", 4, 3, [4, 5, 4, 5], "Warm, helpful and supportive; migrated 120 services to the new pipeline ahead of plan.");
        // ben.harris: every rating in the middle.
        Submit("chloe.martin", 3, 2, [3, 3, 3, 3], "Solid, does what is asked. Resolved the Northwind escalation.");
        Submit("oscar.lind", 3, 2, [3, 3, 3, 3], "Oscar is difficult to work with and defensive. Wrote 14 knowledge-base articles.");
        Submit("nadia.karim", 3, 2, [3, 3, 3, 3], "She can be abrasive and emotional in meetings. Works hard and tries hard.");
        // Issue 6: with the people added to the demo organization Priya rates six near the top and Ben six, all in the middle
        // (CENTRAL_TENDENCY: middle share 1). Issue 14: the baseline holds only raters with ≥ 5 ratings (Priya and Ben; Jonas
        // has 4), so Priya (d = 0.83) is compared with Ben's six ratings alone — too few for a LENIENCY flag until a third
        // manager (e.g. Jonas submitting Ryan's review) reaches five.
        Submit("noah.becker", 5, 2, [5, 5, 5, 4], "Great job, team player. Always works hard.");
        Submit("sana.iqbal", 4, 2, [4, 4, 5, 4], "Sana is bossy and too emotional in incident calls, but she closed 23 stale alerts.");
        Submit("marta.kowalska", 3, 2, [3, 3, 3, 3], "Nice work, keep it up.");
        Submit("james.obrien", 3, 2, [3, 3, 3, 3], "Handled the Contoso outage queue and wrote the billing macros. Works hard and puts in long hours.");
        Submit("lina.sorensen", 3, 2, [3, 3, 3, 3], "Lina is defensive and difficult to work with. Does what is asked.");
        // jonas.berg: a spread.
        Submit("sofia.marquez", 4, 3, [4, 4, 5, 4], "Shipped the new billing page; checkout conversion rose from 2.1 % to 2.9 %.");
        Submit("ethan.walker", 3, 2, [3, 4, 3, 3], "Delivered the export API used by 12 enterprise customers in its first month.");
        Submit("fatima.haddad", 2, 2, [2, 3, 2, 2], "Missed two of three release dates for the reporting feature; we agreed a plan with weekly check-ins.");
        Submit("yuki.tanaka", 4, 1, [4, 3, 4, 4], "Raised automated test coverage of the checkout flow from 40 % to 85 %.");
        var draft = reviews[Id("ryan.oconnell")];
        draft.Ratings = new Dictionary<Guid, int> { [competencies[0].Id] = 3 };
        draft.ManagerStatus = ManagerReviewStatus.Draft;
        draft.ManagerUpdatedAt = At("2026-11-19");
        db.Reviews.AddRange(reviews.Values);

        void Peers(string reviewee, params (string Peer, string? Text)[] peers)
        {
            var review = reviews[Id(reviewee)];
            foreach (var (peer, text) in peers)
            {
                db.PeerNominations.Add(new PeerNomination
                {
                    ReviewId = review.Id, PeerId = Id(peer), Status = NominationStatus.Approved,
                    NominatedAt = At("2026-10-05"), DecidedAt = At("2026-10-07"),
                });
                if (text is not null)
                    db.PeerFeedback.Add(new PeerFeedback { ReviewId = review.Id, AuthorId = Id(peer), Text = text, SubmittedAt = At("2026-11-06") });
            }
        }
        Peers("tomas.novak", ("aisha.bello", "Tomas's build cache work saved me about an hour a day."),
            ("lukas.schmidt", "Great job, team player."), ("mei.chen", "His runbooks are the best in the company; I used them in two incidents."));
        Peers("aisha.bello", ("tomas.novak", "Aisha's alerting clean-up cut our pages from 31 to 9 a month."),
            ("mei.chen", "She is direct in reviews, and the SLO policy she wrote made our priorities clear."),
            ("lukas.schmidt", "She explains incidents clearly in post-mortems."));
        Peers("lukas.schmidt", ("tomas.novak", "Automated staging teardown, saving real money."), ("mei.chen", null));
        Peers("chloe.martin", ("oscar.lind", "Chloe handles the hardest escalations calmly."),
            ("nadia.karim", "She mentored me through my first month on the queue."),
            ("patrick.doyle", "Chloe kept Northwind from churning."));

        foreach (var f in Feedback)
        {
            if (!people.ContainsKey(f.From) || !people.ContainsKey(f.To)) continue;
            db.Feedback.Add(new FeedbackItem
            {
                FromPersonId = Id(f.From), ToPersonId = Id(f.To), Kind = f.Kind, Visibility = f.Visibility, Text = f.Text, CreatedAt = At(f.Date),
            });
        }
        db.Feedback.Add(new FeedbackItem
        {
            FromPersonId = Id("priya.raman"), ToPersonId = Id("lukas.schmidt"), Kind = FeedbackKind.Note, Visibility = FeedbackVisibility.Private,
            Text = "Discussed ownership of the staging budget; he agreed to present the savings at the October all-hands.", CreatedAt = At("2026-09-15"),
        });
        db.FeedbackRequests.Add(new FeedbackRequest
        {
            RequesterId = Id("mei.chen"), AskedPersonId = Id("tomas.novak"), Question = "How did my pipeline demo go on Tuesday?", CreatedAt = At("2026-11-17"),
        });
        SeedClosedFirstHalf(db, template.Id, Id, competencies);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A closed "H1 2026 review" for the Platform and Support teams with the same pattern (Priya near the
    /// top, Ben in the middle), so the raters' history holds more than one small team's ratings.
    /// </summary>
    private static void SeedClosedFirstHalf(ReviewsDbContext db, Guid templateId, Func<string, Guid> id, IReadOnlyList<CompetencyDefinition> competencies)
    {
        (string Login, int Overall, int Potential)[] ratings =
        [
            ("tomas.novak", 5, 3), ("aisha.bello", 4, 2), ("lukas.schmidt", 5, 2), ("mei.chen", 5, 3),
            ("chloe.martin", 3, 2), ("oscar.lind", 3, 2), ("nadia.karim", 3, 2),
        ];
        var cycle = new ReviewCycle
        {
            Name = "H1 2026 review", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 6, 30), TemplateId = templateId, NineBox = true,
            PersonIds = ratings.Select(r => id(r.Login)).ToList(), Phase = ReviewPhase.Closed,
            SelfDeadline = new DateOnly(2026, 6, 15), PeerDeadline = new DateOnly(2026, 6, 22), ManagerDeadline = new DateOnly(2026, 7, 3),
            CalibrationDeadline = new DateOnly(2026, 7, 10), SignoffDeadline = new DateOnly(2026, 7, 24),
            CreatedAt = At("2026-05-15"), LaunchedAt = At("2026-06-01"), ClosedAt = At("2026-07-27"),
        };
        db.Cycles.Add(cycle);
        foreach (var (login, overall, potential) in ratings)
        {
            var manager = login is "chloe.martin" or "oscar.lind" or "nadia.karim" ? "ben.harris" : "priya.raman";
            var review = new Review
            {
                CycleId = cycle.Id, PersonId = id(login), ManagerId = id(manager), OverallRating = overall, SubmittedOverallRating = overall,
                Potential = potential, Narrative = manager == "ben.harris" ? "Solid half; does what is asked." : "Great job, team player.",
                ManagerStatus = ManagerReviewStatus.Submitted, SubmittedAt = At("2026-07-02"), ReleasedAt = At("2026-07-14"),
                AcknowledgedAt = At("2026-07-20"), Locked = true,
                SelfCompletedAt = At("2026-06-12"), SelfUpdatedAt = At("2026-06-12"),
            };
            review.Ratings = competencies.ToDictionary(c => c.Id, _ => overall);
            db.Reviews.Add(review);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Scorecard.Reviews.Application.Bias;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Domain.Bias;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Benchmarks;

/// <summary>
/// Rater analysis (leniency, severity, central tendency, halo) and group disparity (gender, age band) over a
/// synthetic cycle of 10,000 submitted reviews by 800 raters with 4 competencies each (fixed seed), in memory:
/// from the review entities through the same mapping the API uses to the reports.
/// </summary>
internal sealed class RaterDisparityBenchmark : IBenchmark
{
    private const int Reviews = 10_000;
    private const int Raters = 800;
    private const int Warmup = 3;
    private const int Runs = 21;

    public string Name => "rater-disparity";

    public string Description => "Rater analysis and gender/age-band disparity over a synthetic cycle of 10,000 reviews";

    public Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var rng = new Random(20261122);
        var template = TemplateDefinition.Create(1, 5, null,
            [new SectionInput(SectionKind.Competencies, "Competencies", 100, ["Delivery", "Collaboration", "Craft", "Ownership"], null)]);
        var competencies = template.Competencies.ToList();
        var raterIds = Enumerable.Range(0, Raters).Select(_ => NewGuid(rng)).ToArray();
        var raterOffset = raterIds.Select(_ => Normal(rng) * 0.45).ToArray();
        var raterSpread = raterIds.Select(_ => rng.NextDouble() < 0.1 ? 0.25 : 1.0).ToArray(); // one in ten compresses to the middle
        var raterHalo = raterIds.Select(_ => rng.NextDouble() < 0.05).ToArray();
        var reviews = new List<Review>(Reviews);
        var attributes = new Dictionary<Guid, (string Gender, int BirthYear)>(Reviews);
        string[] genders = ["female", "male", "non-binary"];
        for (var i = 0; i < Reviews; i++)
        {
            int r = rng.Next(Raters);
            double truth = 3.2 + Normal(rng) * 0.8;
            int overall = Clamp(3 + (truth - 3 + raterOffset[r]) * raterSpread[r] + Normal(rng) * 0.3);
            var person = NewGuid(rng);
            var review = new Review
            {
                PersonId = person, ManagerId = raterIds[r], OverallRating = overall, SubmittedOverallRating = overall,
                ManagerStatus = ManagerReviewStatus.Submitted, SubmittedAt = DateTimeOffset.UnixEpoch,
            };
            review.Ratings = competencies.ToDictionary(c => c.Id, _ => raterHalo[r] ? overall : Clamp(overall + Normal(rng) * 0.7));
            reviews.Add(review);
            double g = rng.NextDouble();
            attributes[person] = (g < 0.47 ? genders[0] : g < 0.985 ? genders[1] : genders[2], 1960 + rng.Next(45));
        }
        var scale = new RatingScale(template.Scale.Min, template.Scale.Max);
        var asOf = new DateOnly(2026, 12, 31);

        RaterAnalysisReport raterReport = null!;
        DisparityReport gender = null!, age = null!;
        var mapTimes = new List<double>();
        var raterTimes = new List<double>();
        var disparityTimes = new List<double>();
        for (var run = 0; run < Warmup + Runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var records = BiasService.RatingRecords(reviews, template); // entities → rating records (parses each review's ratings JSON)
            sw.Stop();
            if (run >= Warmup) mapTimes.Add(sw.Elapsed.TotalMilliseconds);

            sw.Restart();
            raterReport = RaterAnalysis.Analyze(records, scale);
            sw.Stop();
            if (run >= Warmup) raterTimes.Add(sw.Elapsed.TotalMilliseconds);

            sw.Restart();
            gender = GroupDisparityAnalysis.Analyze(reviews.Select(x => new DisparitySubject(attributes[x.PersonId].Gender, BiasService.IsTopBand(x.OverallRating!.Value, template.Scale))));
            age = GroupDisparityAnalysis.Analyze(reviews.Select(x => new DisparitySubject(AgeBand.FromBirthYear(attributes[x.PersonId].BirthYear, asOf), BiasService.IsTopBand(x.OverallRating!.Value, template.Scale))));
            sw.Stop();
            if (run >= Warmup) disparityTimes.Add(sw.Elapsed.TotalMilliseconds);
        }

        var inv = CultureInfo.InvariantCulture;
        var flags = raterReport.Raters.SelectMany(p => p.Flags).GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine(string.Create(inv, $"Input: {Reviews:N0} submitted reviews, {Raters} raters, {competencies.Count} competencies per review, 1–5 scale, seed 20261122."));
        output.WriteLine(string.Create(inv, $"Mapping reviews to rating records: median {Median(mapTimes):0.00} ms, min {mapTimes.Min():0.00} ms over {Runs} runs after {Warmup} warm-up."));
        output.WriteLine(string.Create(inv, $"Rater analysis: median {Median(raterTimes):0.00} ms, min {raterTimes.Min():0.00} ms over {Runs} runs after {Warmup} warm-up."));
        output.WriteLine(string.Create(inv, $"  org n {raterReport.OrgN:N0}, mean {raterReport.OrgMean:0.000}, sd {raterReport.OrgSd:0.000}; {raterReport.Raters.Count} raters profiled; flags: {string.Join(", ", flags)}."));
        output.WriteLine(string.Create(inv, $"Disparity (gender + age band): median {Median(disparityTimes):0.00} ms, min {disparityTimes.Min():0.00} ms over {Runs} runs after {Warmup} warm-up."));
        foreach (var (label, report) in new[] { ("gender", gender), ("ageBand", age) })
            output.WriteLine($"  {label}: " + string.Join("; ", report.Groups.Select(g =>
                g.N is null ? $"{g.Group} {g.VerdictCode}" : string.Create(inv, $"{g.Group} n={g.N} rate={g.TopBandRate:0.000} IR={g.ImpactRatio:0.000} p={g.PValue:0.0000} ({g.Test}) {g.VerdictCode}"))));
        return Task.CompletedTask;
    }

    private static int Clamp(double x) => (int)Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), 1, 5);

    private static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    private static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}

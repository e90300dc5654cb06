using System.Diagnostics;
using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class RaterAnalysisTests
{
    private static readonly RatingScale OneToFive = new(1, 5);
    private static readonly IReadOnlyDictionary<string, double> NoCompetencies = new Dictionary<string, double>();

    [Fact]
    public void Lenient_and_severe_raters_are_flagged_with_d_and_z()
    {
        // L: 3,5 ×5 (mean 4); S: 1,3 ×5 (mean 2). Org: 20 ratings, mean 3.
        // Org SS: L's 3s → 0, 5s → 4 each (×5 = 20); S's 1s → 4 each (20), 3s → 0 → SS = 40.
        // Org sd = √(40/19) = 1.450953. d_L = +1; z_L = 1·√10/1.450953 = √(10·19/40) = √4.75 = 2.179449.
        // L sd = √(10/9) = 1.054093 → sdRatio 0.726483 (≥ 0.5); middle share 5/10 = 0.5 (< 0.8): only LENIENCY.
        var lenient = Guid.NewGuid();
        var severe = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(lenient, 3, 5, 3, 5, 3, 5, 3, 5, 3, 5), .. Overall(severe, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3)],
            OneToFive);

        Assert.Equal(20, report.OrgN);
        Assert.Equal(3.0, report.OrgMean, 1e-12);
        Assert.Equal(Math.Sqrt(40.0 / 19.0), report.OrgSd, 1e-12);

        var l = Profile(report, lenient);
        var flag = Assert.Single(l.Flags);
        Assert.Equal(BiasCodes.Leniency, flag.Code);
        Assert.Equal(10, flag.Numbers.N);
        Assert.Equal(1.0, flag.Numbers.D, 1e-12);
        BiasAssert.Close(2.179449, flag.Numbers.Z);
        BiasAssert.Close(Math.Sqrt(4.75), flag.Numbers.Z, 1e-12);
        BiasAssert.Close(0.726483, flag.Numbers.SdRatio);
        Assert.Equal(0.5, flag.Numbers.MiddleShare, 1e-12);
        Assert.Equal(new[] { "d", "z" }, flag.Criteria);

        var s = Assert.Single(Profile(report, severe).Flags);
        Assert.Equal(BiasCodes.Severity, s.Code);
        Assert.Equal(-1.0, s.Numbers.D, 1e-12);
        BiasAssert.Close(-2.179449, s.Numbers.Z);
    }

    [Fact]
    public void A_rater_with_large_d_and_large_z_but_only_four_ratings_is_not_flagged_and_not_in_the_baseline()
    {
        // M: 5,5,5,5 (n = 4 < 5) is left out of the baseline. P: 2,3 ×8 → baseline: 16 ratings, mean 2.5,
        // SS = 16·0.25 = 4 → sd = √(4/15) = 0.516398.
        // d_M = 2.5 (≥ 0.5), z_M = 2.5·√4/0.516398 = 9.682458 (≥ 1.96) — but n = 4 < 5: no LENIENCY.
        // M's sd is 0 (sdRatio 0 < 0.5), yet central tendency also needs n ≥ 5: no flag at all.
        var m = Guid.NewGuid();
        var p = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(m, 5, 5, 5, 5), .. Overall(p, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3)],
            OneToFive);

        Assert.Equal((16, 1, 4), (report.OrgN, report.ExcludedRaters, report.ExcludedRatings));
        var profile = Profile(report, m);
        Assert.Equal(4, profile.Numbers.N);
        Assert.False(profile.Numbers.InBaseline);
        Assert.Equal(2.5, profile.Numbers.D, 1e-12);
        BiasAssert.Close(9.682458, profile.Numbers.Z);
        BiasAssert.Close(0.0, profile.Numbers.SdRatio);
        Assert.Empty(profile.Flags);

        // P is the baseline: d = 0.
        var pp = Profile(report, p);
        Assert.Equal(0.0, pp.Numbers.D, 1e-12);
        Assert.DoesNotContain(pp.Flags, f => f.Code == BiasCodes.Severity);
    }

    [Fact]
    public void A_manager_who_gave_every_report_a_3_does_not_flip_when_another_manager_enters_three_reviews()
    {
        // A: 3 ×5. B: 4 ×6, 3 ×3. Baseline 14 ratings, mean 3.428571: d_A = −0.43 (< 0.5) → CENTRAL_TENDENCY only.
        // C then enters 5,5,5. Counting those three would move the norm to mean 3.705882, sd 0.771744, and give A
        // d = −0.71, z = −2.05: SEVERITY + CENTRAL_TENDENCY. C is below the minimum, so the baseline does not move.
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        RatingRecord[] before = [.. Overall(a, 3, 3, 3, 3, 3), .. Overall(b, 4, 4, 4, 4, 4, 4, 3, 3, 3)];
        RatingRecord[] after = [.. before, .. Overall(c, 5, 5, 5)];

        var first = Profile(RaterAnalysis.Analyze(before, OneToFive), a);
        var second = Profile(RaterAnalysis.Analyze(after, OneToFive), a);

        Assert.Equal([BiasCodes.CentralTendency], first.Flags.Select(f => f.Code));
        Assert.Equal([BiasCodes.CentralTendency], second.Flags.Select(f => f.Code));
        Assert.Equal(first.Numbers.D, second.Numbers.D, 1e-12);
        BiasAssert.Close(-0.428571, second.Numbers.D);
        Assert.Empty(Profile(RaterAnalysis.Analyze(after, OneToFive), c).Flags);

        // What counting C's three reviews would have done (the old rule): |d| ≥ 0.5 and |z| ≥ 1.96.
        double[] all = [3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 3, 3, 3, 5, 5, 5];
        var mean = all.Average();
        var sd = Math.Sqrt(all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1));
        var (d, z) = LeniencyCheck.Measure(5, 3, mean, sd);
        Assert.True(d <= -0.5 && z <= -1.96, $"d = {d}, z = {z}");

        // Once C has entered five reviews, C is part of the norm and A's severity is a real comparison.
        var established = RaterAnalysis.Analyze([.. after, .. Overall(c, 5, 5)], OneToFive);
        Assert.Contains(BiasCodes.Severity, Profile(established, a).Flags.Select(f => f.Code));
    }

    [Fact]
    public void Two_raters_with_six_ratings_each_are_not_compared_with_each_others_habits()
    {
        // The demo's shape: P gives 5,5,5,4,5,4 and B gives six 3s; J gives four (below the minimum).
        // Each has only 6 baseline ratings by another rater (< 10): no LENIENCY for P, no SEVERITY for B;
        // B's CENTRAL_TENDENCY rests on the middle share alone, which needs no comparison.
        var p = Guid.NewGuid();
        var b = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(p, 5, 5, 5, 4, 5, 4), .. Overall(b, 3, 3, 3, 3, 3, 3), .. Overall(Guid.NewGuid(), 4, 3, 2, 4)],
            OneToFive);

        Assert.Equal(12, report.OrgN);
        Assert.Empty(Profile(report, p).Flags);
        Assert.False(Profile(report, p).Numbers.ComparableWithOthers);
        var flag = Assert.Single(Profile(report, b).Flags);
        Assert.Equal(BiasCodes.CentralTendency, flag.Code);
        Assert.Equal(["middleShare"], flag.Criteria);
    }

    [Fact]
    public void Every_number_carries_a_95_percent_interval()
    {
        // L: 3,5 ×5 against S: 1,3 ×5 (the leniency example): d = 1, se = 1.450953/√10 = 0.458831 → 1 ± 1.959964·0.458831 = 1 ± 0.899293.
        var lenient = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(lenient, 3, 5, 3, 5, 3, 5, 3, 5, 3, 5), .. Overall(Guid.NewGuid(), 1, 3, 1, 3, 1, 3, 1, 3, 1, 3)],
            OneToFive);
        var n = Profile(report, lenient).Numbers;

        var (low, high) = n.DInterval!.Value;
        BiasAssert.Close(0.100707, low);
        BiasAssert.Close(1.899293, high);
        var (sdLow, sdHigh) = n.SdRatioInterval!.Value;
        Assert.True(sdLow < n.SdRatio && n.SdRatio < sdHigh);
        // Wilson interval of 5 middle ratings out of 10: 0.236593 to 0.763407.
        BiasAssert.Close(0.236593, n.MiddleShareInterval.Low);
        BiasAssert.Close(0.763407, n.MiddleShareInterval.High);
    }

    [Fact]
    public void A_rater_with_large_d_but_small_z_is_not_flagged()
    {
        // X: 5,5,3,5,3 (mean 4.2). Y: 1,5,3 ×5 (mean 3). Org: 20 ratings, sum 21 + 45 = 66, mean 3.3.
        // Org SS: X 3·1.7² + 2·0.3² = 8.67 + 0.18; Y 5·2.3² + 5·1.7² + 5·0.3² = 26.45 + 14.45 + 0.45 → 50.2.
        // Org sd = √(50.2/19) = 1.625455. d_X = 0.9 (≥ 0.5); z_X = 0.9·√5/1.625455 = 1.238091 (< 1.96).
        // X sd = √1.2 = 1.095445 → sdRatio 0.673931; middle share 2/5 = 0.4: nothing flags.
        var x = Guid.NewGuid();
        var y = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(x, 5, 5, 3, 5, 3), .. Overall(y, 1, 5, 3, 1, 5, 3, 1, 5, 3, 1, 5, 3, 1, 5, 3)],
            OneToFive);

        Assert.Equal(Math.Sqrt(50.2 / 19.0), report.OrgSd, 1e-12);
        var profile = Profile(report, x);
        Assert.Equal(0.9, profile.Numbers.D, 1e-12);
        BiasAssert.Close(1.238091, profile.Numbers.Z);
        BiasAssert.Close(0.673931, profile.Numbers.SdRatio);
        Assert.Equal(0.4, profile.Numbers.MiddleShare, 1e-12);
        Assert.Empty(profile.Flags);
        Assert.Empty(Profile(report, y).Flags);
    }

    [Fact]
    public void Central_tendency_by_sd_ratio_alone()
    {
        // C: six 3s, two 4s, two 2s (mean 3, SS 4, sd = √(4/9) = 0.666667, middle share 0.6 < 0.8).
        // W: 1,5 ×10. Org: 30 ratings, mean 3, SS 4 + 20·4 = 84, sd = √(84/29) = 1.701926.
        // sdRatio = 0.666667/1.701926 = 0.391713 < 0.5 → CENTRAL_TENDENCY via sdRatio only.
        var c = Guid.NewGuid();
        var w = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(c, 3, 3, 3, 3, 3, 3, 4, 4, 2, 2), .. Overall(w, Enumerable.Repeat(new double[] { 1, 5 }, 10).SelectMany(v => v).ToArray())],
            OneToFive);

        var flag = Assert.Single(Profile(report, c).Flags);
        Assert.Equal(BiasCodes.CentralTendency, flag.Code);
        Assert.Equal(new[] { "sdRatio" }, flag.Criteria);
        BiasAssert.Close(0.391713, flag.Numbers.SdRatio);
        Assert.Equal(0.6, flag.Numbers.MiddleShare, 1e-12);
        Assert.Equal(0.0, flag.Numbers.D, 1e-12);
        Assert.Empty(Profile(report, w).Flags);
    }

    [Fact]
    public void Central_tendency_by_middle_share_alone()
    {
        // C: eight 3s, one 1, one 5 (mean 3, SS 8, sd = √(8/9) = 0.942809, middle share 8/10 = 0.8 ≥ 0.8).
        // W: 2,4 ×10. Org: 30 ratings, mean 3, SS 8 + 20 = 28, sd = √(28/29) = 0.982607.
        // sdRatio = 0.942809/0.982607 = 0.959497 (≥ 0.5) → CENTRAL_TENDENCY via middleShare only.
        var c = Guid.NewGuid();
        var w = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [.. Overall(c, 3, 3, 3, 3, 3, 3, 3, 3, 1, 5), .. Overall(w, Enumerable.Repeat(new double[] { 2, 4 }, 10).SelectMany(v => v).ToArray())],
            OneToFive);

        var flag = Assert.Single(Profile(report, c).Flags);
        Assert.Equal(BiasCodes.CentralTendency, flag.Code);
        Assert.Equal(new[] { "middleShare" }, flag.Criteria);
        Assert.Equal(0.8, flag.Numbers.MiddleShare, 1e-12);
        BiasAssert.Close(0.959497, flag.Numbers.SdRatio);
        Assert.Empty(Profile(report, w).Flags);
    }

    [Fact]
    public void On_an_even_scale_the_middle_is_the_two_central_categories()
    {
        var oneToFour = new RatingScale(1, 4);
        Assert.True(oneToFour.IsMiddle(2));
        Assert.True(oneToFour.IsMiddle(3));
        Assert.True(oneToFour.IsMiddle(2.5));
        Assert.False(oneToFour.IsMiddle(1));
        Assert.False(oneToFour.IsMiddle(4));

        Assert.True(OneToFive.IsMiddle(3));
        Assert.False(OneToFive.IsMiddle(2));
        Assert.False(OneToFive.IsMiddle(4));

        // 1–4 scale: C rates 2,3,2,3,2 → middle share 5/5 = 1 ≥ 0.8 → CENTRAL_TENDENCY (middleShare).
        // W rates 1,4 ×5: org of 15 has mean (12 + 25)/15 = 2.466667; W is spread, C is not.
        var c = Guid.NewGuid();
        var w = Guid.NewGuid();
        var report = RaterAnalysis.Analyze([.. Overall(c, 2, 3, 2, 3, 2), .. Overall(w, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4)], oneToFour);
        var flag = Assert.Single(Profile(report, c).Flags);
        Assert.Equal(BiasCodes.CentralTendency, flag.Code);
        Assert.Contains("middleShare", flag.Criteria);
        Assert.Equal(1.0, flag.Numbers.MiddleShare, 1e-12);
    }

    [Fact]
    public void A_halo_rater_is_flagged_with_within_ratee_sd_and_inter_competency_r()
    {
        // Four ratees, competencies A, B, C: (5,5,4), (4,4,4), (3,3,3), (2,2,2).
        // Within-ratee sd: (5,5,4): mean 14/3, SS = 2·(1/3)² + (2/3)² = 2/3, sd = √(1/3) = 0.577350; others 0.
        // Mean within-ratee sd = 0.577350/4 = 0.144338 < 0.3.
        // r(A,B) = 1 (identical). A = 5,4,3,2 (mean 3.5), C = 4,4,3,2 (mean 3.25):
        // Sxy = 1.5·0.75 + 0.5·0.75 + (−0.5)(−0.25) + (−1.5)(−1.25) = 3.5, Sxx = 5, Syy = 2.75,
        // r = 3.5/√13.75 = 0.943880; r(B,C) the same. Mean r = (1 + 2·0.943880)/3 = 0.962587 > 0.9 → HALO.
        var h = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [Rated(h, 5, 5, 5, 4), Rated(h, 4, 4, 4, 4), Rated(h, 3, 3, 3, 3), Rated(h, 2, 2, 2, 2)],
            OneToFive);

        var flag = Assert.Single(Profile(report, h).Flags);
        Assert.Equal(BiasCodes.Halo, flag.Code);
        Assert.Equal(4, flag.Numbers.RateeCount);
        BiasAssert.Close(0.144338, flag.Numbers.WithinRateeSd);
        BiasAssert.Close(0.962587, flag.Numbers.InterCompetencyR);
    }

    [Fact]
    public void A_rater_who_tells_competencies_apart_is_not_a_halo_rater()
    {
        // Ratees (A,B,C): (5,2,4), (2,5,3), (4,3,5), (3,4,2).
        // Within-ratee sd: (5,2,4) mean 11/3, SS 14/3, sd √(7/3) = 1.527525; (2,5,3) the same;
        // (4,3,5) and (3,4,2) SS 2, sd 1 → mean (2·1.527525 + 2)/4 = 1.263763 (≥ 0.3).
        // A = 5,2,4,3; B = 2,5,3,4; C = 4,3,5,2 (each mean 3.5, Sxx = 5).
        // Sxy(A,B) = −5 → r = −1; Sxy(A,C) = 3 → r = 0.6; Sxy(B,C) = −3 → r = −0.6. Mean r = −0.333333.
        var k = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [Rated(k, 4, 5, 2, 4), Rated(k, 3, 2, 5, 3), Rated(k, 4, 4, 3, 5), Rated(k, 3, 3, 4, 2)],
            OneToFive);

        var profile = Profile(report, k);
        Assert.Empty(profile.Flags);
        BiasAssert.Close(1.263763, profile.Numbers.WithinRateeSd);
        BiasAssert.Close(-1.0 / 3.0, profile.Numbers.InterCompetencyR);
    }

    [Fact]
    public void High_inter_competency_r_alone_is_not_halo()
    {
        // Ratees (5,4,3), (4,3,2), (3,2,1), (2,1,1): within sd 1, 1, 1, √(1/3) → mean 0.894338 (≥ 0.3),
        // though the competencies move together (mean r = 0.962587 > 0.9): no HALO.
        var k = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [Rated(k, 4, 5, 4, 3), Rated(k, 3, 4, 3, 2), Rated(k, 2, 3, 2, 1), Rated(k, 1, 2, 1, 1)],
            OneToFive);

        var profile = Profile(report, k);
        Assert.Empty(profile.Flags);
        BiasAssert.Close(0.894338, profile.Numbers.WithinRateeSd);
        BiasAssert.Close(0.962587, profile.Numbers.InterCompetencyR);
    }

    [Fact]
    public void Undefined_competency_pairs_are_skipped()
    {
        // C is 3 for everyone (no variance) → pairs (A,C) and (B,C) undefined and skipped.
        // A = 5,4,3,2 and B = 4,4,3,2 → r(A,B) = 0.943880 (as in the halo case) is the only defined pair.
        var k = Guid.NewGuid();
        var report = RaterAnalysis.Analyze(
            [Rated(k, 4, 5, 4, 3), Rated(k, 4, 4, 4, 3), Rated(k, 3, 3, 3, 3), Rated(k, 2, 2, 2, 3)],
            OneToFive);

        BiasAssert.Close(0.943880, Profile(report, k).Numbers.InterCompetencyR);

        // Everyone rated 4 on everything: no pair is defined, so there is no r and no HALO.
        var flat = Guid.NewGuid();
        var flatReport = RaterAnalysis.Analyze(
            [Rated(flat, 4, 4, 4, 4), Rated(flat, 4, 4, 4, 4), Rated(flat, 4, 4, 4, 4), Rated(flat, 4, 4, 4, 4)],
            OneToFive);
        var flatProfile = Profile(flatReport, flat);
        Assert.Null(flatProfile.Numbers.InterCompetencyR);
        Assert.DoesNotContain(flatProfile.Flags, f => f.Code == BiasCodes.Halo);
    }

    [Fact]
    public void Ratings_off_the_scale_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RaterAnalysis.Analyze([.. Overall(Guid.NewGuid(), 6)], OneToFive));
        Assert.Throws<ArgumentException>(() => new RatingScale(5, 5));
    }

    [Fact]
    public void Ten_thousand_reviews_are_analysed_quickly()
    {
        var random = new Random(20261122);
        var raters = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        string[] competencies = ["delivery", "quality", "collaboration", "ownership", "communication", "craft"];
        var ratings = new List<RatingRecord>(10_000);
        for (int i = 0; i < 10_000; i++)
        {
            var values = competencies.ToDictionary(c => c, _ => (double)random.Next(1, 6));
            ratings.Add(new RatingRecord(raters[i % raters.Length], Guid.NewGuid(), random.Next(1, 6), values));
        }

        var stopwatch = Stopwatch.StartNew();
        var report = RaterAnalysis.Analyze(ratings, OneToFive);
        stopwatch.Stop();

        Assert.Equal(10_000, report.OrgN);
        Assert.Equal(200, report.Raters.Count);
        Assert.Equal(10_000, report.Raters.Sum(r => r.Numbers.N));
        Assert.Equal(ratings.Average(r => r.Overall), report.OrgMean, 1e-9);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Took {stopwatch.Elapsed}.");
    }

    private static RaterProfile Profile(RaterAnalysisReport report, Guid rater) =>
        Assert.Single(report.Raters, r => r.RaterId == rater);

    private static IEnumerable<RatingRecord> Overall(Guid rater, params double[] ratings) =>
        ratings.Select(r => new RatingRecord(rater, Guid.NewGuid(), r, NoCompetencies)).ToList();

    private static RatingRecord Rated(Guid rater, double overall, double a, double b, double c) =>
        new(rater, Guid.NewGuid(), overall, new Dictionary<string, double> { ["A"] = a, ["B"] = b, ["C"] = c });
}

using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class GroupDisparityAnalysisTests
{
    [Fact]
    public void Adverse_and_significant_is_FLAG_and_the_significantly_higher_group_is_REVIEW()
    {
        // A: 30/50 = 0.6, B: 15/50 = 0.3. IR_B = 0.3/0.6 = 0.5 < 0.8.
        // Expected cells ≥ 5 (smallest: 50·45/100 = 22.5) → z-test. Pooled p = 45/100 = 0.45,
        // se = √(0.45·0.55·(1/50 + 1/50)) = √0.0099 = 0.0994987; z_B = (0.3 − 0.6)/0.0994987 = −3.015113,
        // two-sided p = erfc(3.015113/√2) = 0.0025688 < 0.05 → FLAG. A: IR 1, same p → REVIEW.
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 50, 30), .. People("B", 50, 15)]);

        var b = Group(report, "B");
        Assert.Equal(FourFifthsVerdict.Flag, b.Verdict);
        Assert.Equal("FLAG", b.VerdictCode);
        Assert.Equal(50, b.N);
        Assert.Equal(15, b.Selected);
        BiasAssert.Close(0.3, b.TopBandRate, 1e-12);
        BiasAssert.Close(0.5, b.ImpactRatio, 1e-12);
        Assert.Equal("z", b.Test);
        BiasAssert.Close(-3.015113, b.Z);
        BiasAssert.Close(0.0025688, b.PValue, 1e-7);

        var a = Group(report, "A");
        Assert.Equal(FourFifthsVerdict.Review, a.Verdict);
        BiasAssert.Close(1.0, a.ImpactRatio, 1e-12);
        BiasAssert.Close(3.015113, a.Z);
    }

    [Fact]
    public void Significant_without_adverse_ratio_is_REVIEW()
    {
        // A: 500/1000 = 0.5, B: 420/1000 = 0.42 → IR_B = 0.84 (≥ 0.8).
        // Pooled p = 920/2000 = 0.46, se = √(0.46·0.54·0.002) = 0.0222890, z = −0.08/0.0222890 = −3.589213,
        // p = 0.00033168 < 0.05 → REVIEW.
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 1000, 500), .. People("B", 1000, 420)]);

        var b = Group(report, "B");
        Assert.Equal(FourFifthsVerdict.Review, b.Verdict);
        Assert.Equal("REVIEW", b.VerdictCode);
        BiasAssert.Close(0.84, b.ImpactRatio, 1e-12);
        Assert.Equal("z", b.Test);
        BiasAssert.Close(-3.589213, b.Z);
        BiasAssert.Close(0.00033168, b.PValue, 1e-7);
    }

    [Fact]
    public void Adverse_ratio_in_small_groups_is_WATCH_tested_with_Fisher()
    {
        // A: 5/10 = 0.5, B: 3/10 = 0.3 → IR_B = 0.6 < 0.8.
        // Smallest expected cell = 10·8/20 = 4 < 5 → Fisher on [[3,7],[5,5]]: rows 10/10, 8 selected, N = 20,
        // P(x) = C(10,x)·C(10,8−x)/C(20,8) with C(20,8) = 125970; numerators for x = 0..8:
        // 45, 1200, 9450, 30240, 44100, 30240, 9450, 1200, 45. Observed x = 3 (30240): every table but x = 4
        // is no more likely → p = (125970 − 44100)/125970 = 81870/125970 = 0.649917 ≥ 0.05 → WATCH.
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 10, 5), .. People("B", 10, 3)]);

        var b = Group(report, "B");
        Assert.Equal(FourFifthsVerdict.Watch, b.Verdict);
        Assert.Equal("WATCH", b.VerdictCode);
        BiasAssert.Close(0.6, b.ImpactRatio, 1e-12);
        Assert.Equal("fisher", b.Test);
        Assert.Null(b.Z);
        BiasAssert.Close(81870.0 / 125970.0, b.PValue, 1e-12);

        Assert.Equal(FourFifthsVerdict.Ok, Group(report, "A").Verdict);
    }

    [Fact]
    public void Fisher_is_used_when_an_expected_cell_is_below_five()
    {
        // The tea-tasting table itself (3/1/1/3 → 0.4857) has groups of 4, which are suppressed here, so it is
        // checked in StatisticsTests; through the analysis use groups of 5: A 4/5, B 1/5 → [[1,4],[4,1]] for B,
        // smallest expected cell 5·5/10 = 2.5 < 5 → Fisher.
        // C(10,5) = 252; P(x) numerators C(5,x)·C(5,5−x) = 1, 25, 100, 100, 25, 1 for x = 0..5; observed x = 1 (25):
        // p = (1 + 25 + 25 + 1)/252 = 52/252 = 0.206349. IR_B = 0.2/0.8 = 0.25 → WATCH.
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 5, 4), .. People("B", 5, 1)]);

        var b = Group(report, "B");
        Assert.Equal("fisher", b.Test);
        BiasAssert.Close(52.0 / 252.0, b.PValue, 1e-12);
        BiasAssert.Close(0.25, b.ImpactRatio, 1e-12);
        Assert.Equal(FourFifthsVerdict.Watch, b.Verdict);
    }

    [Fact]
    public void Neither_adverse_nor_significant_is_OK()
    {
        // A: 25/50 = 0.5, B: 22/50 = 0.44 → IR_B = 0.88. Pooled p = 0.47,
        // se = √(0.47·0.53·0.04) = 0.0998198, z = −0.06/0.0998198 = −0.601083, p = 0.547785 → OK.
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 50, 25), .. People("B", 50, 22)]);

        var b = Group(report, "B");
        Assert.Equal(FourFifthsVerdict.Ok, b.Verdict);
        Assert.Equal("OK", b.VerdictCode);
        BiasAssert.Close(0.88, b.ImpactRatio, 1e-12);
        BiasAssert.Close(-0.601083, b.Z);
        BiasAssert.Close(0.547785, b.PValue);
    }

    [Fact]
    public void A_small_group_is_suppressed_together_with_its_complementary_cell()
    {
        // A 40 (20 selected), B 30 (9), E 6 (2), C 3 (3), plus 3 people with an unknown label.
        // C (n = 3 < 5) is SUPPRESSED; it is the only small group, so the next-smallest, E (n = 6), is
        // suppressed too — otherwise C = total − A − B − E. The impact-ratio reference is the highest
        // *reported* rate, A's 0.5 (C's 1.0 would otherwise leak): IR_A = 1, IR_B = 0.3/0.5 = 0.6.
        var report = GroupDisparityAnalysis.Analyze(
        [
            .. People("A", 40, 20), .. People("B", 30, 9), .. People("E", 6, 2), .. People("C", 3, 3),
            new DisparitySubject(null, true), new DisparitySubject("  ", false), new DisparitySubject(null, false),
        ]);

        Assert.Equal(3, report.ExcludedUnknown);
        Assert.Equal(new[] { "A", "B", "C", "E" }, report.Groups.Select(g => g.Group));

        var c = Group(report, "C");
        Assert.Equal(FourFifthsVerdict.Suppressed, c.Verdict);
        Assert.Equal("SUPPRESSED", c.VerdictCode);
        Assert.Equal(GroupDisparity.SmallGroup, c.SuppressionReason);
        AssertWithheld(c);

        var e = Group(report, "E");
        Assert.Equal(FourFifthsVerdict.Suppressed, e.Verdict);
        Assert.Equal(GroupDisparity.Complementary, e.SuppressionReason);
        AssertWithheld(e);

        var a = Group(report, "A");
        Assert.Equal(40, a.N);
        BiasAssert.Close(1.0, a.ImpactRatio, 1e-12);
        var b = Group(report, "B");
        BiasAssert.Close(0.6, b.ImpactRatio, 1e-12);
        Assert.Null(b.SuppressionReason);
    }

    [Fact]
    public void Two_small_groups_need_no_complementary_cell_and_two_groups_with_one_small_suppress_both()
    {
        var twoSmall = GroupDisparityAnalysis.Analyze(
            [.. People("A", 40, 20), .. People("B", 30, 9), .. People("C", 3, 1), .. People("D", 4, 2)]);
        Assert.Equal(GroupDisparity.SmallGroup, Group(twoSmall, "C").SuppressionReason);
        Assert.Equal(GroupDisparity.SmallGroup, Group(twoSmall, "D").SuppressionReason);
        Assert.NotEqual(FourFifthsVerdict.Suppressed, Group(twoSmall, "A").Verdict);
        Assert.NotEqual(FourFifthsVerdict.Suppressed, Group(twoSmall, "B").Verdict);

        // A (20 selected of 40) vs the rest B + C + D (9 + 1 + 2 = 12 of 37): both reported groups keep numbers.
        Assert.Equal(30, Group(twoSmall, "B").N);

        var pair = GroupDisparityAnalysis.Analyze([.. People("A", 50, 25), .. People("C", 3, 1)]);
        Assert.All(pair.Groups, g => Assert.Equal(FourFifthsVerdict.Suppressed, g.Verdict));
        Assert.Equal(GroupDisparity.Complementary, Group(pair, "A").SuppressionReason);
    }

    [Fact]
    public void A_visible_group_is_tested_against_everyone_else_including_suppressed_people()
    {
        // A 40 (20) vs rest B + C = 33 people, 9 + 1 = 10 selected. Smallest expected 33·30/73 = 13.56 → z.
        // Pooled 30/73 = 0.410959, se = √(0.410959·0.589041·(1/40 + 1/33)) = 0.115703,
        // z = (0.5 − 0.303030)/0.115703 = 1.702366, p = 0.088687 → OK (IR 1).
        var report = GroupDisparityAnalysis.Analyze([.. People("A", 40, 20), .. People("B", 30, 9), .. People("C", 3, 1)]);
        var a = Group(report, "A");
        BiasAssert.Close(1.702366, a.Z);
        BiasAssert.Close(0.088687, a.PValue);
        Assert.Equal(FourFifthsVerdict.Ok, a.Verdict);
    }

    [Fact]
    public void Verdict_table()
    {
        Assert.Equal(FourFifthsVerdict.Flag, FourFifthsRule.Decide(0.79, 0.049));
        Assert.Equal(FourFifthsVerdict.Watch, FourFifthsRule.Decide(0.79, 0.05));
        Assert.Equal(FourFifthsVerdict.Review, FourFifthsRule.Decide(0.8, 0.049));
        Assert.Equal(FourFifthsVerdict.Ok, FourFifthsRule.Decide(0.8, 0.05));
        Assert.Equal(FourFifthsVerdict.Ok, FourFifthsRule.Decide(null, null));
    }

    private static void AssertWithheld(GroupDisparity g)
    {
        Assert.Null(g.N);
        Assert.Null(g.Selected);
        Assert.Null(g.TopBandRate);
        Assert.Null(g.ImpactRatio);
        Assert.Null(g.PValue);
        Assert.Null(g.Test);
        Assert.Null(g.Z);
    }

    private static GroupDisparity Group(DisparityReport report, string group) =>
        Assert.Single(report.Groups, g => g.Group == group);

    private static IEnumerable<DisparitySubject> People(string group, int n, int selected) =>
        Enumerable.Range(0, n).Select(i => new DisparitySubject(group, i < selected)).ToList();
}

namespace Scorecard.Reviews.Domain.Bias;

/// <summary>Outcome of the four-fifths rule for one group. Use <see cref="FourFifthsRule.Code"/> for the wire code.</summary>
internal enum FourFifthsVerdict
{
    /// <summary>IR ≥ 0.8 (or undefined) and p ≥ 0.05.</summary>
    Ok = 0,

    /// <summary>p &lt; 0.05 only: a significant difference without adverse impact by ratio.</summary>
    Review = 1,

    /// <summary>IR &lt; 0.8 only: adverse impact by ratio, not (yet) significant.</summary>
    Watch = 2,

    /// <summary>IR &lt; 0.8 and p &lt; 0.05.</summary>
    Flag = 3,

    /// <summary>Small group (n &lt; 5) or its complementary cell: numbers withheld.</summary>
    Suppressed = 4,
}

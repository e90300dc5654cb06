using Scorecard.Platform;

namespace Scorecard.Strategy.Domain;

/// <summary>
/// Every calculation rejects NaN and ±∞ at the door: one such number would silently poison a whole roll-up.
/// </summary>
internal static class FiniteNumber
{
    public static double Require(double value, string field) =>
        double.IsFinite(value)
            ? value
            : throw new BadInputException(field, $"{field} must be a finite number, not {value}.");

    public static double? Require(double? value, string field) =>
        value is { } v ? Require(v, field) : null;
}

namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// Neutralises spreadsheet formula injection: a cell that a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>) is written with a leading <c>'</c>.
/// A value that itself starts with <c>'</c> is guarded too, so that <see cref="Unprotect"/> is the exact inverse
/// of <see cref="Protect"/> and an export reads back unchanged.
/// </summary>
internal static class SpreadsheetFormulaGuard
{
    private const char Guard = '\'';

    public static string Protect(string value) =>
        value.Length > 0 && NeedsGuard(value[0]) ? Guard + value : value;

    /// <summary>Removes one leading <c>'</c> when it guards a formula character or another <c>'</c>.</summary>
    public static string Unprotect(string cell) =>
        cell.Length > 1 && cell[0] == Guard && NeedsGuard(cell[1]) ? cell[1..] : cell;

    private static bool NeedsGuard(char first) => first is '=' or '+' or '-' or '@' or Guard;
}

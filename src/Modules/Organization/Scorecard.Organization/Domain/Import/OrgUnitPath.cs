namespace Scorecard.Organization.Domain.Import;

/// <summary>The text form of a unit's place in the tree: unit names from the root, separated by <c>/</c>.</summary>
internal static class OrgUnitPath
{
    public const char Separator = '/';

    public static string Combine(string parentPath, string name) => parentPath + Separator + name;

    /// <summary>A value naming a path rather than a bare unit name: it contains a <c>/</c>.</summary>
    public static bool IsPath(string value) => value.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The segments of a path, trimmed; one leading <c>/</c> ("from the root") is allowed.</summary>
    public static IReadOnlyList<string> Segments(string path)
    {
        var fromRoot = path.StartsWith(Separator) ? path[1..] : path;
        return fromRoot.Split(Separator).Select(s => s.Trim()).ToList();
    }
}

namespace Scorecard.Architecture.Tests;

/// <summary>The repository's own source files, for the rules read from source.</summary>
internal static class RepositoryFiles
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scorecard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Scorecard.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The files under <paramref name="folder"/> (relative to the root) with that extension, build output left out.</summary>
    public static IEnumerable<string> Under(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root(), folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
}

using System.Reflection;

namespace Scorecard.Host.Web;

internal static class HostPaths
{
    /// <summary>
    /// The app's own folder (where appsettings.json and a published wwwroot are), whatever the working
    /// directory — unless a content root is configured, or the host runs inside a test's process.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                         || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
                         || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var isHostProcess = Assembly.GetEntryAssembly()?.GetName().Name == "Scorecard.Host";
        return configured || !isHostProcess ? null : AppContext.BaseDirectory;
    }
}

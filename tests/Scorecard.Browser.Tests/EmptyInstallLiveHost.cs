namespace Scorecard.Browser.Tests;

/// <summary>The live host on an empty install: no demo, only the bootstrap administrator.</summary>
public sealed class EmptyInstallLiveHost : LiveHost
{
    public const string AdminEmail = "admin@acme.example";
    public const string AdminPassword = "Bootstrap-Admin-2026";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Scorecard:Demo"] = "false",
        ["Scorecard:Bootstrap:AdminEmail"] = AdminEmail,
        ["Scorecard:Bootstrap:AdminPassword"] = AdminPassword,
    };
}

using System.Reflection;
using Scorecard.Okr;
using Scorecard.Organization;
using Scorecard.Reviews;
using Scorecard.Strategy;

namespace Scorecard.Architecture.Tests;

/// <summary>The modules as the host composes them: implementation and contracts assemblies, and table prefix.</summary>
internal static class ModuleCatalog
{
    public sealed record Module(string Name, Assembly Implementation, Assembly Contracts, string TablePrefix);

    public static readonly Module[] All =
    [
        new("Organization", typeof(OrganizationModule).Assembly, typeof(Organization.Contracts.IOrganizationDirectory).Assembly, "org_"),
        new("Strategy", typeof(StrategyModule).Assembly, Assembly.Load("Scorecard.Strategy.Contracts"), "strategy_"),
        new("Okr", typeof(OkrModule).Assembly, Assembly.Load("Scorecard.Okr.Contracts"), "okr_"),
        new("Reviews", typeof(ReviewsModule).Assembly, Assembly.Load("Scorecard.Reviews.Contracts"), "reviews_"),
    ];

    public static readonly Assembly Platform = typeof(Scorecard.Platform.PlatformRegistration).Assembly;
    public static readonly Assembly PlatformAbstractions = typeof(Scorecard.Platform.Paging.PageRequest).Assembly;

    public static IEnumerable<object[]> Names() => All.Select(m => new object[] { m.Name });

    public static Module Named(string name) => All.Single(m => m.Name == name);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// What the EF tools (<c>dotnet ef migrations add</c>) build a provider's context with. The connection is
/// never opened to add a migration; <c>SCORECARD_DESIGN_CONNECTION</c> overrides it for other commands.
/// </summary>
public abstract class DesignTimeFactory<T>(DatabaseProvider provider, string tablePrefix) : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    public T CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("SCORECARD_DESIGN_CONNECTION") ?? provider switch
        {
            DatabaseProvider.PostgreSql => "Host=localhost;Database=scorecard_design",
            _ => "Data Source=:memory:",
        };
        var builder = new DbContextOptionsBuilder<T>();
        ModuleDbContextRegistration.Configure(builder, new DatabaseSettings(provider, connection), ModuleDbContextRegistration.HistoryTable(tablePrefix));
        return (T)Activator.CreateInstance(typeof(T), builder.Options)!;
    }
}

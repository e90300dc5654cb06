using Microsoft.Extensions.Configuration;

namespace Scorecard.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the data lives. <c>ConnectionStrings:Scorecard</c> (env <c>ConnectionStrings__Scorecard</c>)
/// overrides the default <c>data/scorecard.db</c>; a PostgreSQL connection string (Host=...) selects Npgsql.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Scorecard";
    public const string DefaultSqlite = "Data Source=data/scorecard.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(cs)) cs = DefaultSqlite;
        var provider = configuration["Scorecard:Database:Provider"]?.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.PostgreSql,
            "sqlite" => DatabaseProvider.Sqlite,
            _ => LooksLikePostgres(cs) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
        };
        return new DatabaseSettings(provider, cs);
    }

    private static bool LooksLikePostgres(string cs) =>
        cs.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || cs.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}

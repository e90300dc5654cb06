using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Modules;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Makes the first Data Protection key at start, under the start-up lock (after the migrations), so that
/// instances starting together share one key instead of each making its own before it can see the other's.
/// </summary>
internal sealed class DataProtectionKeyInitializer : IModuleInitializer
{
    public int Order => 1;

    public Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
            keys.CreateNewKey(now, now.AddDays(90));
        return Task.CompletedTask;
    }
}

namespace Scorecard.Platform.Modules;

/// <summary>
/// Work a module does once at start, in <see cref="Order"/>: migrations first (order 0),
/// then seeding (order 100+, modules seeded after the ones they depend on).
/// </summary>
public interface IModuleInitializer
{
    int Order { get; }

    Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken);
}

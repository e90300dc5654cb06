namespace Scorecard.Platform.Ai;

/// <summary>
/// Everyone the pseudonymizer must know, whatever the feature: the Organization module answers with the whole
/// directory, so a colleague named inside feedback or a goal title never leaves the process in clear.
/// </summary>
public interface IAiPeopleSource
{
    Task<IReadOnlyList<AiPerson>> PeopleAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The organization's AI switch. When any registered switch says no, the gateway makes no model call at all:
/// every feature gets its offline answer (or fails with <see cref="AiFailureKind.NotConfigured"/> when it has none).
/// </summary>
public interface IAiSwitch
{
    Task<bool> ModelCallsAllowedAsync(CancellationToken cancellationToken = default);
}

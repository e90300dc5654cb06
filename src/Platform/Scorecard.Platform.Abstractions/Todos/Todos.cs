namespace Scorecard.Platform.Todos;

/// <summary>
/// One thing the signed-in person has to do, with where to do it. <c>Kind</c> is a stable code
/// (<c>self-review</c>, <c>peer-feedback</c>, <c>manager-review</c>, <c>acknowledge-review</c>,
/// <c>nomination-approval</c>, <c>feedback-request</c>, <c>check-in</c>, <c>kpi-measurement</c>, <c>cycle</c>,
/// <c>without-manager</c>); <c>Due</c> is null when nothing dates it.
/// </summary>
public sealed record TodoItem(string Kind, string Title, string Link, DateOnly? Due, string? Detail = null);

/// <summary>A step of the administrator's setup checklist (company, people, an HR person, a scorecard, a cycle).</summary>
public sealed record SetupStep(string Key, string Title, bool Done, string Link, int Order);

/// <summary>A module's part of "My work": what the current person has to do there.</summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> TodosAsync(CancellationToken cancellationToken);
}

/// <summary>A module's part of the setup checklist shown to administrators until it is complete.</summary>
public interface ISetupProgress
{
    Task<IReadOnlyList<SetupStep>> StepsAsync(CancellationToken cancellationToken);
}

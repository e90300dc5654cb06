using Scorecard.Platform.Security;
using Scorecard.Platform.Todos;

namespace Scorecard.Host.Controllers;

/// <summary>"My work": every module's to-dos for the signed-in person, soonest due first, and — for
/// administrators until it is complete — the setup checklist.</summary>
public sealed record MyWorkDto(IReadOnlyList<TodoItem> Items, IReadOnlyList<SetupStep>? Setup);

internal sealed class MyWork(IEnumerable<ITodoSource> sources, IEnumerable<ISetupProgress> setup, ICurrentUser user)
{
    public async Task<MyWorkDto> ForCurrentPersonAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        foreach (var source in sources)   // one at a time: they share the request's database connection
            items.AddRange(await source.TodosAsync(ct));
        var ordered = items.OrderBy(t => t.Due is null).ThenBy(t => t.Due).ThenBy(t => t.Kind, StringComparer.Ordinal)
            .ThenBy(t => t.Title, StringComparer.Ordinal).ToList();
        return new MyWorkDto(ordered, await SetupAsync(ct));
    }

    private async Task<IReadOnlyList<SetupStep>?> SetupAsync(CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) return null;
        var steps = new List<SetupStep>();
        foreach (var part in setup)
            steps.AddRange(await part.StepsAsync(ct));
        return steps.All(s => s.Done) ? null : steps.OrderBy(s => s.Order).ToList();
    }
}

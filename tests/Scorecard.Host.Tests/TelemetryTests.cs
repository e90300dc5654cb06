using System.Collections.Concurrent;
using System.Diagnostics;

namespace Scorecard.Host.Tests;

public sealed class TelemetryTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task Request_spans_carry_the_route_template_and_the_status_code()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var missing = Guid.NewGuid();
        await employee.GetAsync($"/api/v1/people/{missing}");

        var span = stopped.LastOrDefault(a => a.GetTagItem("http.route") as string == "api/v1/people/{id:guid}");
        Assert.True(span is not null, string.Join("\n", stopped.Select(a => a.DisplayName + " " + string.Join(",", a.TagObjects.Select(t => t.Key + "=" + t.Value))))); 
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
    }
}

using System.Diagnostics;

namespace Scorecard.Host.Tests;

public sealed class TelemetryTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    private const string Route = "api/v1/people/{id:guid}";

    [Fact]
    public async Task Request_spans_carry_the_route_template_and_the_status_code()
    {
        var missing = Guid.NewGuid();
        // The server span stops when the request completes, which can be just after the client has its answer.
        var stopped = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("http.route") as string == Route && a.GetTagItem("http.response.status_code") is 404)
                    stopped.TrySetResult(a);
            },
        };
        ActivitySource.AddActivityListener(listener);

        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        await employee.GetAsync($"/api/v1/people/{missing}");

        var span = await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal($"GET {Route}", span.DisplayName);
    }
}

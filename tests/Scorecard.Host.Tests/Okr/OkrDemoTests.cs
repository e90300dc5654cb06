using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Contracts;

namespace Scorecard.Host.Tests.Okr;

/// <summary>What the demo shows on first start (read-only: this class never changes the data).</summary>
public sealed class OkrDemoTests(ScorecardFactory factory) : IClassFixture<ScorecardFactory>
{
    [Fact]
    public async Task The_customer_OKR_of_seed_002_is_a_company_OKR_linked_to_the_Customer_perspective()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var company = (await employee.GetJsonAsync("/api/v1/okr/objectives?period=2026-Q4&level=company"))["items"]!.AsArray()
            .Single(o => o!["period"].Str() == "2026-Q4")!;

        Assert.Equal("Provide great customer service that builds trust for a long time", company["title"].Str());
        var krs = company["keyResults"]!.AsArray().Select(k => (k!["start"]!.GetValue<double>(), k["target"]!.GetValue<double>())).ToList();
        Assert.Equal([(45.0, 65.0), (48.0, 24.0), (80.0, 90.0)], krs);
        Assert.All(company["keyResults"]!.AsArray(), k => Assert.NotEmpty(k!["checkIns"]!.AsArray()));

        var scorecard = await employee.CompanyScorecardAsync();
        var customerIds = scorecard.Objectives("Customer").Select(o => o["id"].Str()).ToHashSet();
        var strategyParents = company["parents"]!.AsArray().Where(p => p!["kind"].Str() == "strategy").ToList();
        Assert.NotEmpty(strategyParents);
        Assert.All(strategyParents, p => Assert.Contains(p!["id"].Str(), customerIds));
        Assert.All(strategyParents, p => Assert.Equal("Customer", p!["perspective"].Str()));
    }

    [Fact]
    public async Task The_tree_cascades_from_the_company_through_departments_and_teams_to_people()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var tree = await employee.GetJsonAsync("/api/v1/okr/tree?period=2026-Q4");

        var customer = tree["roots"]!.AsArray().Single(r => r!["title"].Str().StartsWith("Provide great customer service"))!;
        var cs = customer["children"]!.AsArray().Single(c => c!["orgUnitName"].Str() == "Customer Success")!;
        Assert.Equal("department", cs["level"].Str());
        Assert.Contains(customer["children"]!.AsArray(), c => c!["orgUnitName"].Str() == "Sales");
        var support = cs["children"]!.AsArray().Single(c => c!["orgUnitName"].Str() == "Support")!;
        Assert.Contains(cs["children"]!.AsArray(), c => c!["orgUnitName"].Str() == "Customer Success Management");
        var chloe = support["children"]!.AsArray().Single(c => c!["ownerName"].Str() == "Chloe Martin")!;
        Assert.Equal("individual", chloe["level"].Str());
        Assert.InRange(chloe["progress"]!.GetValue<double>(), 0.01, 1.0);
        Assert.Contains(chloe["status"].Str(), new[] { "on_track", "behind", "at_risk", "achieved" });
        Assert.Contains(tree["unattached"]!.AsArray(), n => n!["ownerName"].Str() == "Lucy Evans");
    }

    [Fact]
    public async Task The_alignment_page_has_every_finding_code_on_first_start()
    {
        var hr = await factory.ClientForAsync(ScorecardFactory.Hr);
        var alignment = await hr.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4");
        var findings = alignment["findings"]!.AsArray();

        (string Code, string Person)[] expected =
        [
            ("UNALIGNED", "Lucy Evans"), ("BROKEN_PARENT", "Lena Vogel"), ("BROKEN_PARENT", "Amir Farouk"), ("WEAK_LINK", "Kofi Mensah"),
            ("NOT_MEASURABLE", "Nadia Karim"), ("PORTFOLIO_SKEW", "Raj Patel"), ("TOO_MANY", "Hannah Weber"),
        ];
        foreach (var (code, person) in expected)
            Assert.Contains(findings, f => f!["code"].Str() == code && f["personName"]?.GetValue<string>() == person);
        var weak = findings.First(f => f!["code"].Str() == "WEAK_LINK" && f["personName"]?.GetValue<string>() == "Kofi Mensah")!;
        Assert.NotEmpty(weak["suggestions"]!.AsArray());
        Assert.True(weak["numbers"]!["similarity"]!.GetValue<double>() < weak["numbers"]!["threshold"]!.GetValue<double>());
        var achieved = findings.Single(f => f!["code"].Str() == "ACHIEVED_AHEAD_OF_CHILDREN")!;
        Assert.Equal("Run a reliable, fast platform customers can depend on", achieved["objectiveTitle"].Str());
        Assert.True(achieved["numbers"]!["gap"]!.GetValue<double>() > 0.33);
        Assert.Equal(0.0, achieved["numbers"]!["childShare"]!.GetValue<double>());
        // Aligned people are not flagged.
        Assert.DoesNotContain(findings, f => f!["personName"]?.GetValue<string>() == "Chloe Martin");

        var departments = alignment["coverage"]!["departments"]!.AsArray();
        var customerSuccess = departments.Single(d => d!["name"].Str() == "Customer Success")!;
        Assert.Equal(1.0, customerSuccess["alignedShare"]!.GetValue<double>());
        var people = departments.Single(d => d!["name"].Str() == "People")!;
        Assert.Equal(0.0, people["alignedShare"]!.GetValue<double>());
        var marketingMix = departments.Single(d => d!["name"].Str() == "Marketing")!["mix"]!.AsArray();
        Assert.Equal(1.0, marketingMix.Single(m => m!["perspective"].Str() == "Financial")!["goalShare"]!.GetValue<double>());
        Assert.Equal(0.3, marketingMix.Single(m => m!["perspective"].Str() == "Financial")!["strategyWeight"]!.GetValue<double>(), 4);
    }

    [Fact]
    public async Task An_engineers_goal_gets_their_platform_team_OKR_first_with_the_reason()
    {
        var tomas = await factory.ClientForAsync(ScorecardFactory.Employee); // Platform team, Engineering
        foreach (var text in new[] { "Reduce platform incidents that customers notice", "Cut API latency for customers" })
        {
            var draft = await tomas.GetJsonAsync($"/api/v1/okr/parent-suggestions?text={Uri.EscapeDataString(text)}&period=2026-Q4");
            var first = draft["items"]![0]!;
            Assert.Equal("Make the platform reliable and fast for customers who depend on it", first["title"].Str());
            Assert.StartsWith("OKR of your unit (Platform)", first["reason"].Str());
            Assert.DoesNotContain(draft["items"]!.AsArray().TakeWhile(s => s!["inUnitChain"]!.GetValue<bool>()), s => s!["reason"].Str().Contains("Marketing"));
        }
    }

    [Fact]
    public async Task A_company_OKR_achieved_on_its_own_key_result_says_its_children_are_not_counted()
    {
        var employee = await factory.ClientForAsync(ScorecardFactory.Employee);
        var reliable = (await employee.GetJsonAsync("/api/v1/okr/objectives?period=2026&level=company"))["items"]!.AsArray()
            .Single(o => o!["title"].Str() == "Run a reliable, fast platform customers can depend on")!;
        var rollUp = reliable["rollUp"]!;

        Assert.True(rollUp["childrenIgnored"]!.GetValue<bool>());
        Assert.Equal(0.0, rollUp["childShare"]!.GetValue<double>());
        Assert.NotEmpty(rollUp["children"]!.AsArray());
        Assert.Contains("not counted: the roll-up share is 0", rollUp["summary"].Str());
        var page = await employee.GetStringAsync($"/okr/objectives/{reliable["id"].Str()}");
        Assert.Contains("Where the progress comes from", page);
        Assert.Contains("not counted", page);
    }

    [Fact]
    public async Task Department_coverage_is_for_HR_and_executives_only()
    {
        foreach (var email in new[] { ScorecardFactory.Hr, ScorecardFactory.Admin, OkrHostHelpers.Email("elena.petrova") })
        {
            var client = await factory.ClientForAsync(email);
            Assert.NotNull((await client.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4"))["coverage"]!["departments"]);
            var page = await client.GetStringAsync("/okr/alignment?period=2026-Q4");
            Assert.Contains("<svg id=\"coverage-chart\"", page);
            Assert.Contains("class=\"weight\"", page);
        }
        foreach (var email in new[] { ScorecardFactory.Employee, ScorecardFactory.Manager })
        {
            var client = await factory.ClientForAsync(email);
            Assert.Null((await client.GetJsonAsync("/api/v1/okr/alignment?period=2026-Q4"))["coverage"]!["departments"]);
            Assert.DoesNotContain("coverage-chart", await client.GetStringAsync("/okr/alignment?period=2026-Q4"));
        }
    }

    [Fact]
    public async Task Engineers_and_the_support_and_CSM_teams_have_OKRs_with_check_ins_for_every_quarter_of_2026()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<IOkrReader>();
        var admin = await factory.ClientForAsync(ScorecardFactory.Admin);
        foreach (var login in new[] { "tomas.novak", "sofia.marquez", "chloe.martin", "patrick.doyle" })
        {
            var person = await admin.PersonIdByEmailAsync(login);
            var objectives = await reader.GetPersonObjectivesAsync(person, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
            Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], objectives.Select(o => o.Period).Distinct().Order());
            Assert.All(objectives.Where(o => o.Period != "2026-Q4"), o => Assert.All(o.KeyResults, k => Assert.True(k.CheckIns.Count >= 5)));
            Assert.All(objectives, o => Assert.InRange(o.Progress, 0.0, 1.0));
        }
    }

    [Fact]
    public async Task The_pages_exist_for_everyone_signed_in()
    {
        var employee = await factory.ClientForAsync(OkrHostHelpers.Email("chloe.martin"));
        var tree = await employee.GetStringAsync("/okr/tree?period=2026-Q4");
        Assert.Contains("Provide great customer service that builds trust for a long time", tree);
        Assert.Contains("Chloe Martin", tree);
        var mine = await employee.GetStringAsync("/okr/my-goals?period=2026-Q4");
        Assert.Contains("Resolve customer complaints within 24 hours", mine);
        Assert.Contains("Line of sight", mine);
        Assert.Contains("Provide great customer service that builds trust for a long time", mine); // up to the company OKR
        var ben = await factory.ClientForAsync(OkrHostHelpers.Email("ben.harris"));
        var team = await ben.GetStringAsync("/okr/team?period=2026-Q4");
        Assert.Contains("NOT_MEASURABLE", team);          // Nadia reports to Ben
        Assert.DoesNotContain("Kofi Mensah", team);       // Kofi does not
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/okr/team")).StatusCode);
    }
}

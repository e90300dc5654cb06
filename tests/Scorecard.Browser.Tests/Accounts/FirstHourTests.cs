using System.Text;
using Microsoft.Playwright;

namespace Scorecard.Browser.Tests.Accounts;

/// <summary>
/// Issue 9, done-when: a real customer's first hour on an empty install, only by clicking and typing — setup, an HRIS
/// file of 40 people in plain departments, HR named, everyone invited, and the HR person's first sign-in.
/// </summary>
public sealed class FirstHourTests(EmptyInstallLiveHost host) : IClassFixture<EmptyInstallLiveHost>
{
    private const string HrEmail = "hana.berg@acme.example";
    private const string HrPassword = "Hana-Chose-This-2026";

    /// <summary>An HRIS export: a CEO, four heads of department reporting to her, and 35 people in plain departments.</summary>
    private static string HrisFile()
    {
        var csv = new StringBuilder("email,name,jobTitle,orgUnit,managerEmail,hireDate\n");
        csv.Append("cleo.ceo@acme.example,Cleo Ceo,Chief Executive,Acme,,2015-01-05\n");
        var heads = new[] { ("Sales", "sam.head"), ("Engineering", "erin.head"), ("People", "hana.berg"), ("Finance", "fred.head") };
        foreach (var (unit, head) in heads)
        {
            var name = head == "hana.berg" ? "Hana Berg" : $"{char.ToUpperInvariant(head[0])}{head[1..head.IndexOf('.')]} Head";
            csv.Append($"{head}@acme.example,{name},Head of {unit},{unit},cleo.ceo@acme.example,2018-03-01\n");
        }
        for (var i = 0; i < 35; i++)
        {
            var (unit, head) = heads[i % heads.Length];
            csv.Append($"person{i:00}@acme.example,Person Number{i:00},{unit} specialist,{unit},{head}@acme.example,2022-06-{1 + i % 28:00}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task The_administrator_sets_up_imports_40_people_names_HR_and_invites_everyone_and_HR_signs_in_to_their_home()
    {
        var admin = await host.NewPageAsync();
        await admin.GotoAsync("/");
        await admin.GetByLabel("E-mail").FillAsync(EmptyInstallLiveHost.AdminEmail);
        await admin.GetByLabel("Password").FillAsync(EmptyInstallLiveHost.AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/setup");

        await admin.GetByLabel("Company name").FillAsync("Acme");
        await admin.GetByLabel("Your name").FillAsync("Ada Admin");
        await admin.GetByLabel("Your job title").FillAsync("COO");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/setup/people");

        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Import people" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/directory/import");
        await admin.GetByLabel("…or paste CSV").FillAsync(HrisFile());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var imported = await admin.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.Contains("40 created", imported);
        Assert.Contains("4 units created", imported);   // Sales, Engineering, People, Finance under Acme

        // Hana, head of People, becomes HR — before she has an account.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
        await admin.GetByLabel("Search name, e-mail or job title").FillAsync("hana");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Hana Berg" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/people/*");
        Assert.Contains("People", await admin.Locator("main").InnerTextAsync());
        await admin.GetByLabel("HR", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        Assert.Contains("Roles saved", await admin.GetByRole(AriaRole.Status).First.InnerTextAsync());

        // Everyone without an account is invited at once; the links are shown to send.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Invite" }).ClickAsync();
        await admin.WaitForUrlExplainedAsync("**/people/invite");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite everyone without an account" }).ClickAsync();
        var invited = admin.Locator("#invited");
        Assert.Contains("40 invitations created", await invited.InnerTextAsync());
        var link = await invited.Locator("tr", new() { HasText = HrEmail }).GetByRole(AriaRole.Link).InnerTextAsync();

        // Hana opens her link in her own browser, sets a password and lands on her home page as HR.
        await using var context = await host.Browser.NewContextAsync();
        var hana = await context.NewPageAsync();
        hana.SetDefaultTimeout(90_000);
        await hana.GotoAsync(link);
        await hana.GetByLabel("New password").FillAsync(HrPassword);
        await hana.GetByLabel("Repeat the password").FillAsync(HrPassword);
        await hana.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await hana.WaitForUrlExplainedAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal("My work", await hana.Locator("h1").InnerTextAsync());
        Assert.Contains(HrEmail, await hana.Locator(".who").InnerTextAsync());
        var nav = hana.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        Assert.Equal(1, await nav.GetByRole(AriaRole.Link, new() { Name = "Roles" }).CountAsync());   // she is HR
        await hana.ScreenshotAsync(new() { Path = LiveHost.ArtifactPath("first-hour-hr-home.png"), FullPage = true });
    }
}

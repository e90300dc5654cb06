using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Host;
using Scorecard.Host.Telemetry;
using Scorecard.Host.Web;
using Scorecard.Platform;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Web;

var migrateOnly = args.Length > 0 && args[0] == "migrate";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = migrateOnly ? args[1..] : args,
    ContentRootPath = HostPaths.ContentRoot(args),
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");
// Serves wwwroot from the project while running from a build output; a published folder has its own wwwroot.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBody.DefaultLimitBytes);

builder.AddScorecardTelemetry();
builder.Services.AddModules(builder.Configuration);
builder.Services.AddScoped<Scorecard.Host.Controllers.MyWork>();
// Ahead of the default writer: browsers navigating pages get an HTML page for a refusal, not JSON.
builder.Services.Insert(0, ServiceDescriptor.Singleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, HtmlProblemPageWriter>());
builder.Services.AddControllersWithViews().AddModuleParts()
    // Binding errors name the field without echoing .NET type names back to the caller.
    .AddJsonOptions(o => o.AllowInputFormatterExceptionMessages = false);
builder.Services.AddOpenApi();
builder.Services.AddAuthorization();
builder.Services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = ValidationProblems.Create);

var app = builder.Build();

if (migrateOnly)
{
    // For deployments that migrate (and seed) before starting the instances: `dotnet Scorecard.Host.dll migrate`.
    await app.Services.InitializeModulesAsync();
    Console.WriteLine("The database is migrated and seeded.");
    return;
}
if (app.Configuration.GetValue("Scorecard:Database:MigrateOnStart", true))
    await app.Services.InitializeModulesAsync();

app.UseConfiguredForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();   // only ever sent over HTTPS
// Liveness touches nothing and answers here, ahead of static files, routing, rate limiting and authentication, so that
// it stays cheap whatever they cost; readiness (below, an endpoint) asks the database and its migrations.
app.UseHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseUtf8Bodies();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseRequestSpanTags();
app.UseAuthentication();
app.UseApiAntiforgery();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(PlatformRegistration.ReadyTag) }).AllowAnonymous();
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
app.MapControllers();
app.MapModules();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) Console.WriteLine($"Scorecard is running at {url}");
    if (app.Configuration.GetValue("Scorecard:Demo", true))
        Console.WriteLine("Sign in as maya.lindqvist@brightline.example (Admin), sara.nilsson@brightline.example (HR) "
                          + "or priya.raman@brightline.example (manager); every demo account's password is Scorecard-Demo-2026.");
});

await app.RunAsync();

/// <summary>Entry point, visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;

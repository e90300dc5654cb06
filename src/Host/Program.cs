using Microsoft.AspNetCore.Mvc;
using Scorecard.Host;
using Scorecard.Host.Telemetry;
using Scorecard.Host.Web;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Web;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBody.DefaultLimitBytes);

builder.AddScorecardTelemetry();
builder.Services.AddModules(builder.Configuration);
builder.Services.AddControllersWithViews().AddModuleParts()
    // Binding errors name the field without echoing .NET type names back to the caller.
    .AddJsonOptions(o => o.AllowInputFormatterExceptionMessages = false);
builder.Services.AddOpenApi();
builder.Services.AddAuthorization();
builder.Services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = ValidationProblems.Create);

var app = builder.Build();

await app.Services.InitializeModulesAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestSpanTags();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
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

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scorecard.Organization.Application;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Contracts;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Seeding;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Persistence;

using Scorecard.Organization.Web;

namespace Scorecard.Organization;

/// <summary>People, org units, reporting lines and the accounts people sign in with.</summary>
public static class OrganizationModule
{
    /// <summary>Cookie for people in the browser, bearer token for the API; chosen per request.</summary>
    public const string AuthenticationScheme = "Scorecard";

    public static IServiceCollection AddOrganizationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<OrganizationDbContext, OrganizationSqliteDbContext, OrganizationPostgresDbContext>(configuration, OrganizationTables.Prefix, OrganizationTables.LegacyMigrations);
        services.AddScoped<OrganizationDirectory>();
        services.AddScoped<IOrganizationDirectory>(sp => sp.GetRequiredService<OrganizationDirectory>());
        services.AddScoped<Scorecard.Platform.Todos.ISetupProgress, OrganizationSetupProgress>();
        services.AddScoped<IHrAttributes>(sp => sp.GetRequiredService<OrganizationDirectory>());
        services.AddScoped<Scorecard.Platform.Ai.IAiPeopleSource, DirectoryAiPeople>();
        services.AddScoped<OrgUnitsService>();
        services.AddScoped<OrgUnitUsage>();
        services.AddScoped<OrgChartService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<OwnProfile>();
        services.AddScoped<PeopleImportService>();
        services.AddScoped<AccountsService>();
        services.AddScoped<AccountLinker>();
        services.AddScoped<AccountStates>();
        services.AddScoped<LastAdminRule>();
        services.AddScoped<RolesService>();
        services.AddScoped<Application.Setup.SetupService>();
        services.AddScoped<Application.Invitations.InvitationsService>();
        services.TryAddScoped<Application.Invitations.IInvitationSender, Application.Invitations.NoInvitationSender>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new Web.Pages.SetupRedirectFilter()));
        services.AddScoped<SignInCheck>();
        services.AddMemoryCache();
        services.AddSingleton<SignInAttempts>();
        services.AddSignInRateLimit(configuration);
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ActiveAccountCheck>();
        services.AddSingleton<AccountStateCache>();
        services.AddScoped<CheckedAccount>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AccountStateCacheInvalidator>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RevokedSignInResultHandler>();
        services.AddSingleton<IModuleInitializer, OrganizationSeeder>();
        services.AddSingleton<IModuleInitializer, SearchKeysBackfill>();
        services.AddSingleton<IModuleInitializer, UnitHeadsBackfill>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationScheme;
                o.DefaultChallengeScheme = AuthenticationScheme;
            })
            .AddPolicyScheme(AuthenticationScheme, "Cookie or bearer", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = AccountsService.TokenLifetime)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(ConfigureCookie));

        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>, CachedBearerTickets>();
        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Failed sign-ins never lock the account itself (SignInAttempts locks per account and address);
                // an administrator's lockout (LockoutEnd) still ends every session.
                o.Lockout.AllowedForNewUsers = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<OrganizationDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationModule(this IEndpointRouteBuilder endpoints) => endpoints;

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/account/sign-in";
        o.LogoutPath = "/account/sign-out";
        o.AccessDeniedPath = "/account/access-denied";
        o.Cookie.Name = "scorecard.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure whenever served over HTTPS (also behind a proxy, see Scorecard:Proxy)
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        // The API answers 401/403 as ProblemDetails instead of redirecting to the sign-in page.
        o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        }
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

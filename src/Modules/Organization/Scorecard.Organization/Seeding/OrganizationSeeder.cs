using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Seeding;

/// <summary>
/// On an empty database: the demo organization (default), or with <c>Scorecard:Demo=false</c>
/// an administrator from <c>Scorecard:Bootstrap:AdminEmail</c>/<c>AdminPassword</c>.
/// </summary>
internal sealed class OrganizationSeeder : IModuleInitializer
{
    public int Order => 100;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var configuration = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecard.Seeding");
        var roles = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in new[] { Roles.Admin, Roles.Hr })
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));

        if (configuration.GetValue("Scorecard:Demo", true))
        {
            // An organization that has anyone, or any account (such as a bootstrap administrator), is never
            // given the demo accounts and their published password.
            if (await db.People.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken)) return;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeedDemoAsync(db, sp.GetRequiredService<UserManager<Account>>(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Seeded the demo organization ({Count} people).", DemoOrganization.People.Length);
        }
        else
        {
            await BootstrapAdminAsync(db, sp.GetRequiredService<UserManager<Account>>(), configuration, logger);
        }
    }

    private static async Task SeedDemoAsync(OrganizationDbContext db, UserManager<Account> users, CancellationToken ct)
    {
        var units = new Dictionary<string, OrgUnit>();
        foreach (var path in DemoOrganization.Units)
        {
            var slash = path.LastIndexOf('/');
            var unit = new OrgUnit
            {
                Name = slash < 0 ? path : path[(slash + 1)..],
                ParentId = slash < 0 ? null : units[path[..slash]].Id,
            };
            units[path] = unit;
            db.Units.Add(unit);
        }
        var people = new Dictionary<string, Person>();
        foreach (var p in DemoOrganization.People)
        {
            var person = new Person
            {
                Email = p.Email,
                Name = p.Name,
                JobTitle = p.JobTitle,
                OrgUnitId = units[p.Unit].Id,
                ManagerId = p.Manager is null ? null : people[p.Manager].Id,
                HireDate = DateOnly.Parse(p.HireDate, System.Globalization.CultureInfo.InvariantCulture),
                Gender = p.Gender,
                BirthYear = p.BirthYear,
            };
            people[p.Login] = person;
            db.People.Add(person);
        }
        await db.SaveChangesAsync(ct);

        // One hash for the shared demo password (hashing is deliberately slow); each account keeps its own stamp.
        var hash = users.PasswordHasher.HashPassword(new Account(), DemoOrganization.Password);
        foreach (var p in DemoOrganization.People)
        {
            var account = new Account
            {
                UserName = p.Email, Email = p.Email, EmailConfirmed = true,
                PersonId = people[p.Login].Id, PasswordHash = hash,
            };
            Check(await users.CreateAsync(account));
            if (p.Role is { } role) Check(await users.AddToRoleAsync(account, role));
        }
    }

    private static async Task BootstrapAdminAsync(OrganizationDbContext db, UserManager<Account> users,
        IConfiguration configuration, ILogger logger)
    {
        if (await db.Users.AnyAsync()) return;
        var email = configuration["Scorecard:Bootstrap:AdminEmail"];
        var password = configuration["Scorecard:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No account exists and Scorecard:Bootstrap:AdminEmail/AdminPassword are not set: nobody can sign in.");
            return;
        }
        var admin = new Account { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("The bootstrap administrator could not be created: "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        logger.LogInformation("Created the bootstrap administrator {Email}.", admin.Email);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

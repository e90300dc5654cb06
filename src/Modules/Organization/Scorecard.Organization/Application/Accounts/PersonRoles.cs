using Scorecard.Platform;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>The roles an account can hold, by their canonical names; input is matched ignoring case.</summary>
internal static class PersonRoles
{
    public static readonly IReadOnlyList<string> All = [Roles.Admin, Roles.Hr];

    /// <summary>The canonical, de-duplicated, ordered roles of <paramref name="values"/>; 400 naming an unknown one.</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string?>? values)
    {
        if (values is null) throw new BadInputException("roles", "roles is required (a list, possibly empty, of: Admin, HR).");
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var role = All.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase))
                       ?? throw new BadInputException("roles", $"Unknown role '{value}'. Roles are: {string.Join(", ", All)}.");
            roles.Add(role);
        }
        return roles.ToList();
    }
}

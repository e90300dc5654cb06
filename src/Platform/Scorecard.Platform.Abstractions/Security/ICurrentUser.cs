namespace Scorecard.Platform.Security;

/// <summary>The person acting in the current request (or background job).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The organization person linked to the account; null for a system actor.</summary>
    Guid? PersonId { get; }

    string? Email { get; }

    bool IsInRole(string role);
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Hr = "HR";

    public const string HrOrAdmin = Hr + "," + Admin;
}

public static class CurrentUserExtensions
{
    public static bool IsHrOrAdmin(this ICurrentUser user) =>
        user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Admin);

    public static Guid RequirePersonId(this ICurrentUser user) =>
        user.PersonId ?? throw new ForbiddenException("This action needs an account linked to a person.");
}

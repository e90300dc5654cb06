using Microsoft.AspNetCore.Identity;

namespace Scorecard.Organization.Persistence;

/// <summary>A sign-in account (ASP.NET Core Identity), linked to the person it belongs to.</summary>
internal sealed class Account : IdentityUser<Guid>
{
    /// <summary>Null only for the bootstrap administrator of an organization without people yet.</summary>
    public Guid? PersonId { get; set; }
}

using Scorecard.Organization.Web.Api.Models;

namespace Scorecard.Organization.Application.Invitations;

/// <summary>
/// Delivers invitation links once they are committed. Today nothing is sent (<see cref="NoInvitationSender"/>):
/// whoever invites gets the links on the page and as CSV. E-mail delivery replaces this registration.
/// </summary>
internal interface IInvitationSender
{
    Task SendAsync(IReadOnlyList<InvitationDto> invitations, CancellationToken cancellationToken);
}

internal sealed class NoInvitationSender : IInvitationSender
{
    public Task SendAsync(IReadOnlyList<InvitationDto> invitations, CancellationToken cancellationToken) => Task.CompletedTask;
}

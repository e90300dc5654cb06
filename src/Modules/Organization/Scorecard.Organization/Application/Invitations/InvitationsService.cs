using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Invitations;

/// <summary>
/// Accounts in bulk: HR or an administrator invites people without an account; each gets a single-use link,
/// valid <see cref="Lifetime"/>, with which they set their own password. A new invitation replaces the person's
/// older ones. Links are delivered by <see cref="IInvitationSender"/> after the commit.
/// </summary>
internal sealed class InvitationsService(
    OrganizationDbContext db,
    UserManager<Account> users,
    ICurrentUser currentUser,
    IAuditLog audit,
    UnitOfWork unitOfWork,
    IInvitationSender sender,
    TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public const int MaxSelection = 10_000;
    public const string PathPrefix = "/invitations/";

    public async Task<IReadOnlyList<InvitationDto>> CreateAsync(CreateInvitationsRequest request, string baseUrl, CancellationToken ct)
    {
        if (!currentUser.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can invite people.");
        var all = request.AllWithoutAccount == true;
        if (all && request.PersonIds is { Count: > 0 })
            throw new BadInputException("personIds", "Give either personIds or allWithoutAccount, not both.");
        if (!all && request.PersonIds is not { Count: > 0 })
            throw new BadInputException("personIds", "personIds is required (at least one person), or set allWithoutAccount to true.");
        if (request.PersonIds is { Count: > MaxSelection })
            throw new BadInputException("personIds", $"At most {MaxSelection} people per request; use allWithoutAccount for everyone.");

        // An account without a password (roles granted before the person was invited) is not yet a way to sign in.
        var linked = db.Users.Where(a => a.PersonId != null && a.PasswordHash != null).Select(a => a.PersonId!.Value);
        List<Person> invited;
        if (all)
        {
            invited = await db.People.AsNoTracking().Where(p => p.Active && !linked.Contains(p.Id))
                .OrderBy(p => p.NameKey).ThenBy(p => p.Email).ToListAsync(ct);
        }
        else
        {
            var ids = request.PersonIds!.Distinct().ToList();
            var found = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            if (ids.FirstOrDefault(id => !found.ContainsKey(id)) is var missing && missing != Guid.Empty)
                throw new NotFoundException("Person", missing);
            invited = ids.Select(id => found[id]).ToList();
            if (invited.FirstOrDefault(p => !p.Active) is { } left)
                throw new RuleViolationException("personIds", $"{left.Name} has left the organization and cannot be invited.");
            var withAccount = await linked.Where(id => ids.Contains(id)).ToListAsync(ct);
            if (invited.FirstOrDefault(p => withAccount.Contains(p.Id)) is { } member)
                throw new ConflictException($"{member.Name} already has an account.");
        }
        if (invited.Count == 0) return [];

        var now = clock.GetUtcNow();
        var invitedIds = invited.Select(p => p.Id).ToHashSet();
        var open = await db.Invitations.Where(i => i.UsedAt == null && i.SupersededAt == null).ToListAsync(ct);
        foreach (var older in open.Where(i => invitedIds.Contains(i.PersonId))) older.SupersededAt = now;

        var result = new List<InvitationDto>(invited.Count);
        foreach (var person in invited)
        {
            var token = InvitationToken.New();
            db.Invitations.Add(new Invitation
            {
                PersonId = person.Id, TokenHash = InvitationToken.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
                CreatedByPersonId = currentUser.PersonId,
            });
            result.Add(new InvitationDto(person.Id, person.Email, $"{baseUrl.TrimEnd('/')}{PathPrefix}{token}", now + Lifetime));
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("accounts.invited", "people", all ? "all-without-account" : "selection", currentUser.PersonId,
            DataJson: JsonSerializer.Serialize(new { count = result.Count, by = currentUser.Email, personIds = invitedIds })), ct);
        await unitOfWork.AfterCommitAsync(c => sender.SendAsync(result, c), ct);
        return result;
    }

    /// <summary>What the link opens: the form, or why it no longer works.</summary>
    public async Task<InvitationLookup> OpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return new InvitationLookup(InvitationStatus.Unknown);
        var hash = InvitationToken.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return new InvitationLookup(InvitationStatus.Unknown);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == invitation.PersonId, ct);
        var status =
            invitation.UsedAt is not null ? InvitationStatus.Used
            : invitation.SupersededAt is not null ? InvitationStatus.Superseded
            : !person.Active ? InvitationStatus.Left
            : await db.Users.AnyAsync(a => a.PersonId == person.Id && a.PasswordHash != null, ct) ? InvitationStatus.HasAccount
            : invitation.ExpiresAt <= clock.GetUtcNow() ? InvitationStatus.Expired
            : InvitationStatus.Open;
        return new InvitationLookup(status, invitation.Id, person.Id, person.Name, person.Email);
    }

    /// <summary>Sets the password with an open link and uses it up; the account it returns is ready to sign in.</summary>
    public async Task<(InvitationLookup Lookup, Account? Account)> AcceptAsync(string? token, string? password, string? confirm, CancellationToken ct)
    {
        var lookup = await OpenAsync(token, ct);
        if (lookup.Status != InvitationStatus.Open) return (lookup, null);
        if (string.IsNullOrEmpty(password)) throw new BadInputException("password", "Choose a password.");
        if (password != confirm) throw new BadInputException("confirmPassword", "The two passwords are not the same.");

        // The same link sent twice at once: the second waits, then finds it used.
        await unitOfWork.LockAsync<Invitation>(db, lookup.InvitationId!.Value, ct);
        lookup = await OpenAsync(token, ct);
        if (lookup.Status != InvitationStatus.Open) return (lookup, null);
        var existing = await users.FindByEmailAsync(lookup.Email!);
        if (existing is { PasswordHash: not null })
            return (lookup with { Status = InvitationStatus.HasAccount }, null);

        // Roles granted before the invitation made an account without a password: the person now gives it one.
        var account = existing ?? new Account { UserName = lookup.Email, Email = lookup.Email, EmailConfirmed = true, PersonId = lookup.PersonId };
        var created = existing is null ? await users.CreateAsync(account, password) : await users.AddPasswordAsync(account, password);
        if (!created.Succeeded)
            throw new BadInputException("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        var invitation = await db.Invitations.FirstAsync(i => i.Id == lookup.InvitationId, ct);
        invitation.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("account.created", "Person", lookup.PersonId.ToString()!, lookup.PersonId,
            Reason: "invitation accepted"), ct);
        return (lookup with { Status = InvitationStatus.Accepted }, account);
    }
}

internal enum InvitationStatus { Open, Accepted, Used, Expired, Superseded, Left, HasAccount, Unknown }

internal sealed record InvitationLookup(InvitationStatus Status, Guid? InvitationId = null, Guid? PersonId = null, string? Name = null, string? Email = null);

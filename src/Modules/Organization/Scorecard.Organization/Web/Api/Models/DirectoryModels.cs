using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Scorecard.Organization.Web.Api.Models;

// The public HTTP contract of the directory API (described in /openapi/v1.json).

public sealed record OrgUnitDto(Guid Id, string Name, Guid? ParentId, string Path, Guid Version);

/// <summary>Rename (<c>name</c>) and/or move (<c>parentId</c>) a unit; send <c>version</c> to refuse a stale edit (409).</summary>
public sealed record UpdateOrgUnitRequest(string? Name, Guid? ParentId, Guid? Version);

public sealed record CreateOrgUnitRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    Guid? ParentId);

/// <summary>A person; <c>gender</c> and <c>birthYear</c> appear only for HR and Admin.</summary>
public sealed record PersonDto(
    Guid Id,
    string Email,
    string Name,
    string? JobTitle,
    Guid OrgUnitId,
    Guid? ManagerId,
    DateOnly HireDate,
    bool Active,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Gender,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BirthYear,
    Guid Version);

public sealed record CreatePersonRequest(
    [Required] string Email,
    [Required] string Name,
    string? JobTitle,
    [Required] Guid? OrgUnitId,
    Guid? ManagerId,
    [Required] DateOnly? HireDate,
    string? Gender,
    int? BirthYear);

public sealed record ImportResultDto(int Created, int Updated, int Unchanged, int UnitsCreated);

/// <summary>One distinct problem of a refused import: <c>line</c> is its first line, <c>lines</c> the lines it
/// applies to as far as the answer lists them, <c>lineCount</c> how many lines it applies to in all.</summary>
public sealed record ImportErrorDto(int Line, string Column, string Message, IReadOnlyList<int> Lines, int LineCount);

/// <summary>A refused import (422, ProblemDetails fields plus the problems): each distinct problem once;
/// at most 200 lines are listed in all (<c>truncated</c>), <c>total</c> counts every problem.</summary>
public sealed record ImportErrorsDto(
    string Type, string Title, int Status, string Detail, int Total, bool Truncated, IReadOnlyList<ImportErrorDto> Errors);

public sealed record CreateAccountRequest([Required] string Password);

public sealed record AccountDto(Guid AccountId, Guid PersonId, string Email);

public sealed record TokenRequest([Required] string Email, [Required] string Password);

public sealed record TokenDto(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeDto(PersonDto? Person, IReadOnlyList<string> Roles, string Email);

public sealed record ChangePasswordRequest(
    [Required] string CurrentPassword,
    [Required] string NewPassword);

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Scorecard.Organization.Web.Api.Models;

// The public HTTP contract of the directory API (described in /openapi/v1.json).

public sealed record OrgUnitDto(Guid Id, string Name, Guid? ParentId, string Path);

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

public sealed record ImportErrorDto(int Line, string Column, string Message);

public sealed record ImportErrorsDto(IReadOnlyList<ImportErrorDto> Errors);

public sealed record CreateAccountRequest([Required] string Password);

public sealed record AccountDto(Guid AccountId, Guid PersonId, string Email);

public sealed record TokenRequest([Required] string Email, [Required] string Password);

public sealed record TokenDto(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeDto(PersonDto? Person, IReadOnlyList<string> Roles, string Email);

public sealed record ChangePasswordRequest(
    [Required] string CurrentPassword,
    [Required] string NewPassword);

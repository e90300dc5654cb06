using Scorecard.Organization.Domain;
using Scorecard.Organization.Domain.Import;
using Scorecard.Platform;

namespace Scorecard.Organization.Application;

/// <summary>Field rules for a person, shared by the API and the pages; each error names its field.</summary>
internal static class PersonValidation
{
    public static string Email(string? value)
    {
        var email = value is null ? null : EmailAddressRule.Normalize(value);
        if (string.IsNullOrEmpty(email)) throw new BadInputException("email", "email is required.");
        if (!EmailAddressRule.IsWellFormed(email))
            throw new BadInputException("email", $"'{value}' is not a valid e-mail address.");
        return email;
    }

    public static string Name(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name)) throw new BadInputException("name", "name is required.");
        if (name.Length > Person.NameMaxLength)
            throw new BadInputException("name", $"name must be at most {Person.NameMaxLength} characters.");
        return name;
    }

    public static string? JobTitle(string? value)
    {
        var title = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (title?.Length > Person.NameMaxLength)
            throw new BadInputException("jobTitle", $"jobTitle must be at most {Person.NameMaxLength} characters.");
        return title;
    }

    public static DateOnly HireDate(DateOnly? value, DateOnly today)
    {
        if (value is not { } date) throw new BadInputException("hireDate", "hireDate is required (yyyy-MM-dd).");
        if (date > today) throw new BadInputException("hireDate", "hireDate cannot be in the future.");
        if (date.Year < 1900) throw new BadInputException("hireDate", "hireDate is before 1900.");
        return date;
    }

    public static string? Gender(string? value)
    {
        var gender = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (gender?.Length > Person.GenderMaxLength)
            throw new BadInputException("gender", $"gender must be at most {Person.GenderMaxLength} characters.");
        return gender;
    }

    public static int? BirthYear(int? value, DateOnly today)
    {
        if (value is { } year && (year < 1900 || year > today.Year))
            throw new BadInputException("birthYear", $"birthYear must be between 1900 and {today.Year}.");
        return value;
    }
}

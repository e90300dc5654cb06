using System.Globalization;

namespace Scorecard.Organization.Domain.Import;

using static Scorecard.Organization.Domain.Import.PeopleCsvColumns;
using static Scorecard.Organization.Domain.Import.PeopleImportLimits;

/// <summary>The checks of a single row that need nothing but the row and today's date.</summary>
internal static class PersonRowValidator
{
    public static PersonRowValues Validate(PeopleCsvRow row, DateOnly today, ICollection<PeopleImportError> errors)
    {
        void Error(string column, string message) => errors.Add(new PeopleImportError(row.Line, column, message));

        var email = EmailAddressRule.Normalize(row.Email);
        var emailIsWellFormed = email.Length > 0 && EmailAddressRule.IsWellFormed(email);
        if (email.Length == 0) Error(Email, "The e-mail address is required.");
        else if (!emailIsWellFormed) Error(Email, $"'{row.Email.Trim()}' is not a valid e-mail address.");

        var name = row.Name.Trim();
        if (name.Length == 0) Error(Name, "The name is required.");
        else if (name.Length > NameMaxLength) Error(Name, $"The name is longer than {NameMaxLength} characters.");

        var jobTitle = row.JobTitle.Trim();
        if (jobTitle.Length > JobTitleMaxLength) Error(JobTitle, $"The job title is longer than {JobTitleMaxLength} characters.");

        var orgUnit = row.OrgUnit.Trim();
        if (orgUnit.Length == 0) Error(OrgUnit, "The org unit is required.");

        var managerEmail = EmailAddressRule.Normalize(row.ManagerEmail);

        var hireDate = ParseHireDate(row.HireDate.Trim(), today, out var dateError);
        if (dateError is not null) Error(HireDate, dateError);

        var gender = row.Gender?.Trim();
        if (gender?.Length > GenderMaxLength) Error(Gender, $"The gender is longer than {GenderMaxLength} characters.");

        var birthYear = ParseBirthYear(row.BirthYear?.Trim(), today, out var yearError);
        if (yearError is not null) Error(BirthYear, yearError);

        return new PersonRowValues(
            row.Line,
            email.Length == 0 ? null : email,
            emailIsWellFormed,
            name.Length is 0 or > NameMaxLength ? null : name,
            jobTitle.Length is 0 or > JobTitleMaxLength ? null : jobTitle,
            orgUnit.Length == 0 ? null : orgUnit,
            managerEmail.Length == 0 ? null : managerEmail,
            hireDate,
            row.Gender is not null,
            string.IsNullOrEmpty(gender) || gender.Length > GenderMaxLength ? null : gender,
            row.BirthYear is not null,
            birthYear);
    }

    private static DateOnly? ParseHireDate(string text, DateOnly today, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = $"The hire date is required ({DateFormat}).";
            return null;
        }
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"'{text}' is not a date in the form {DateFormat}.";
            return null;
        }
        if (date > today)
        {
            error = $"The hire date {text} is in the future.";
            return null;
        }
        if (date.Year < EarliestYear)
        {
            error = $"The hire date {text} is before {EarliestYear}.";
            return null;
        }
        return date;
    }

    private static int? ParseBirthYear(string? text, DateOnly today, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text)) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            error = $"'{text}' is not a year; write the birth year as four digits, such as 1985.";
            return null;
        }
        if (year < EarliestYear || year > today.Year)
        {
            error = $"The birth year {year} must be between {EarliestYear} and {today.Year}.";
            return null;
        }
        return year;
    }
}

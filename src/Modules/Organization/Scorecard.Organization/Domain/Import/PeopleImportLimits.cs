namespace Scorecard.Organization.Domain.Import;

/// <summary>Field limits of the import: the limits of the Person and OrgUnit entities.</summary>
internal static class PeopleImportLimits
{
    public const int EmailMaxLength = Person.EmailMaxLength;
    public const int NameMaxLength = Person.NameMaxLength;
    public const int JobTitleMaxLength = Person.NameMaxLength;
    public const int GenderMaxLength = Person.GenderMaxLength;
    public const int OrgUnitNameMaxLength = OrgUnit.NameMaxLength;
    public const int EarliestYear = 1900;
    public const string DateFormat = "yyyy-MM-dd";
}

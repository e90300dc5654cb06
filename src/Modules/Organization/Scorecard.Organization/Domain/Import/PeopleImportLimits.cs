namespace Scorecard.Organization.Domain.Import;

/// <summary>Field limits of the import; they match the limits of the Person and OrgUnit entities.</summary>
internal static class PeopleImportLimits
{
    public const int EmailMaxLength = 320;
    public const int NameMaxLength = 200;
    public const int JobTitleMaxLength = 200;
    public const int GenderMaxLength = 50;
    public const int OrgUnitNameMaxLength = 200;
    public const int EarliestYear = 1900;
    public const string DateFormat = "yyyy-MM-dd";
}

namespace Scorecard.Okr.Domain;

/// <summary>OKR levels, most senior first: the numeric order is used to pick candidate parents.</summary>
internal enum OkrLevel
{
    Company = 0,
    Department = 1,
    Team = 2,
    Individual = 3,
}

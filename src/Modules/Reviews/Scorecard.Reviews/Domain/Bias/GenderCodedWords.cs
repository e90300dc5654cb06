namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Masculine- and feminine-coded word stems of Gaucher, Friesen &amp; Kay (2011, Appendix A),
/// '*' marking a stem. Exclusions are the known false positives — words that share a stem but not
/// its meaning: "committee(s)" (commit*), "response(s)", "responsible", "responsibility",
/// "respond(ed/ing/s)", "respondent(s)" (respon*, which targets "responsive"), "competent",
/// "competence", "competency/competencies" (compet*, which targets "competitive" — and reviews talk
/// about competencies all the time), "dependency/dependencies" (depend*, a software term).
/// </summary>
internal static class GenderCodedWords
{
    public const string Masculine = "masculine";
    public const string Feminine = "feminine";

    private static readonly string[] Exclusions =
    [
        "committee", "committees",
        "response", "responses", "responsible", "responsibly", "responsibility", "responsibilities",
        "respond", "responds", "responded", "responding", "respondent", "respondents",
        "competent", "competently", "competence", "competences", "competency", "competencies",
        "dependency", "dependencies",
    ];

    public static readonly StemLexicon MasculineStems = new(
    [
        "active", "adventurous", "aggress*", "ambitio*", "analy*", "assert*", "athlet*", "autonom*",
        "boast*", "challeng*", "compet*", "confident", "courag*", "decisive", "decision*", "determin*",
        "dominant", "domina*", "force*", "greedy", "headstrong", "hierarch*", "hostil*", "impulsive",
        "independen*", "individual*", "intellect*", "lead*", "logic*", "masculine", "objective",
        "opinion*", "outspoken", "persist*", "principle*", "reckless", "stubborn", "superior",
        "self-confiden*", "self-relian*", "self-sufficien*",
    ], Exclusions);

    public static readonly StemLexicon FeminineStems = new(
    [
        "affectionate", "cheer*", "child*", "commit*", "communal", "compassion*", "connect*",
        "considerate", "cooperat*", "co-operat*", "depend*", "emotiona*", "empath*", "feminine",
        "flatterable", "gentle", "honest*", "interpersonal", "interdependen*", "kind", "kinship",
        "loyal*", "modesty", "nag", "nurtur*", "pleasant*", "polite", "quiet*", "respon*",
        "sensitiv*", "submissive", "support*", "sympath*", "tender*", "together*", "trust*",
        "understand*", "warm*", "whin*", "yield*",
    ], Exclusions);
}

namespace Scorecard.Organization.Seeding;

/// <summary>
/// The demo company: Brightline, a B2B software company of 49 people. Units are paths from the
/// root; each person names their manager by e-mail. Gender and birth year feed HR-only analytics.
/// </summary>
internal static class DemoOrganization
{
    public const string Domain = "brightline.example";
    public const string Password = "Scorecard-Demo-2026";

    public static readonly string[] Units =
    [
        "Brightline",
        "Brightline/Engineering",
        "Brightline/Engineering/Platform",
        "Brightline/Engineering/Product Engineering",
        "Brightline/Product",
        "Brightline/Sales",
        "Brightline/Sales/Enterprise Sales",
        "Brightline/Sales/Mid-Market Sales",
        "Brightline/Customer Success",
        "Brightline/Customer Success/Support",
        "Brightline/Customer Success/Customer Success Management",
        "Brightline/Marketing",
        "Brightline/Finance",
        "Brightline/People",
    ];

    public sealed record DemoPerson(string Login, string Name, string JobTitle, string Unit, string? Manager,
        string HireDate, string Gender, int BirthYear, string? Role = null)
    {
        public string Email => $"{Login}@{Domain}";
    }

    public static readonly DemoPerson[] People =
    [
        new("maya.lindqvist", "Maya Lindqvist", "Chief Executive Officer", "Brightline", null, "2016-03-01", "female", 1976, "Admin"),
        // Engineering
        new("daniel.okafor", "Daniel Okafor", "Chief Technology Officer", "Brightline/Engineering", "maya.lindqvist", "2016-05-16", "male", 1979),
        new("priya.raman", "Priya Raman", "Engineering Manager, Platform", "Brightline/Engineering/Platform", "daniel.okafor", "2018-09-03", "female", 1985),
        new("tomas.novak", "Tomas Novak", "Senior Platform Engineer", "Brightline/Engineering/Platform", "priya.raman", "2019-02-11", "male", 1988),
        new("aisha.bello", "Aisha Bello", "Site Reliability Engineer", "Brightline/Engineering/Platform", "priya.raman", "2021-06-07", "female", 1993),
        new("lukas.schmidt", "Lukas Schmidt", "Platform Engineer", "Brightline/Engineering/Platform", "priya.raman", "2022-01-10", "male", 1996),
        new("mei.chen", "Mei Chen", "DevOps Engineer", "Brightline/Engineering/Platform", "priya.raman", "2023-04-17", "female", 1995),
        new("jonas.berg", "Jonas Berg", "Engineering Manager, Product Engineering", "Brightline/Engineering/Product Engineering", "daniel.okafor", "2017-11-20", "male", 1983),
        new("sofia.marquez", "Sofia Marquez", "Senior Software Engineer", "Brightline/Engineering/Product Engineering", "jonas.berg", "2019-08-26", "female", 1990),
        new("ethan.walker", "Ethan Walker", "Software Engineer", "Brightline/Engineering/Product Engineering", "jonas.berg", "2021-03-15", "male", 1994),
        new("fatima.haddad", "Fatima Haddad", "Software Engineer", "Brightline/Engineering/Product Engineering", "jonas.berg", "2022-07-04", "female", 1997),
        new("ryan.oconnell", "Ryan O'Connell", "Frontend Engineer", "Brightline/Engineering/Product Engineering", "jonas.berg", "2023-09-11", "male", 1998),
        new("yuki.tanaka", "Yuki Tanaka", "QA Engineer", "Brightline/Engineering/Product Engineering", "jonas.berg", "2020-10-05", "female", 1991),
        // Product
        new("nora.hansen", "Nora Hansen", "VP Product", "Brightline/Product", "maya.lindqvist", "2017-02-06", "female", 1981),
        new("samuel.adeyemi", "Samuel Adeyemi", "Senior Product Manager", "Brightline/Product", "nora.hansen", "2019-05-13", "male", 1987),
        new("clara.rossi", "Clara Rossi", "Product Manager", "Brightline/Product", "nora.hansen", "2021-11-01", "female", 1992),
        new("victor.dubois", "Victor Dubois", "Product Designer", "Brightline/Product", "nora.hansen", "2022-03-21", "male", 1994),
        // Sales
        new("marcus.johnson", "Marcus Johnson", "VP Sales", "Brightline/Sales", "maya.lindqvist", "2017-06-12", "male", 1978),
        new("olivia.brennan", "Olivia Brennan", "Enterprise Sales Director", "Brightline/Sales/Enterprise Sales", "marcus.johnson", "2018-04-09", "female", 1984),
        new("hugo.lambert", "Hugo Lambert", "Enterprise Account Executive", "Brightline/Sales/Enterprise Sales", "olivia.brennan", "2020-01-13", "male", 1989),
        new("grace.kim", "Grace Kim", "Enterprise Account Executive", "Brightline/Sales/Enterprise Sales", "olivia.brennan", "2021-08-02", "female", 1991),
        new("diego.alvarez", "Diego Alvarez", "Sales Engineer", "Brightline/Sales/Enterprise Sales", "olivia.brennan", "2022-05-16", "male", 1990),
        new("kevin.murphy", "Kevin Murphy", "Mid-Market Sales Manager", "Brightline/Sales/Mid-Market Sales", "marcus.johnson", "2018-10-22", "male", 1986),
        new("lena.vogel", "Lena Vogel", "Account Executive", "Brightline/Sales/Mid-Market Sales", "kevin.murphy", "2021-02-01", "female", 1995),
        new("amir.farouk", "Amir Farouk", "Account Executive", "Brightline/Sales/Mid-Market Sales", "kevin.murphy", "2022-09-19", "male", 1996),
        new("zoe.carter", "Zoe Carter", "Sales Development Representative", "Brightline/Sales/Mid-Market Sales", "kevin.murphy", "2024-01-08", "female", 1999),
        // Customer Success
        new("elena.petrova", "Elena Petrova", "VP Customer Success", "Brightline/Customer Success", "maya.lindqvist", "2017-09-04", "female", 1980),
        new("ben.harris", "Ben Harris", "Support Manager", "Brightline/Customer Success/Support", "elena.petrova", "2019-03-18", "male", 1987),
        new("chloe.martin", "Chloe Martin", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2021-05-24", "female", 1996),
        new("oscar.lind", "Oscar Lind", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2022-10-10", "male", 1997),
        new("nadia.karim", "Nadia Karim", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2023-06-05", "female", 1998),
        new("isabel.santos", "Isabel Santos", "CSM Team Lead", "Brightline/Customer Success/Customer Success Management", "elena.petrova", "2019-07-29", "female", 1988),
        new("patrick.doyle", "Patrick Doyle", "Customer Success Manager", "Brightline/Customer Success/Customer Success Management", "isabel.santos", "2021-01-18", "male", 1992),
        new("hannah.weber", "Hannah Weber", "Customer Success Manager", "Brightline/Customer Success/Customer Success Management", "isabel.santos", "2022-04-25", "female", 1994),
        new("kofi.mensah", "Kofi Mensah", "Customer Success Manager", "Brightline/Customer Success/Customer Success Management", "isabel.santos", "2023-02-13", "male", 1995),
        // Marketing
        new("julia.fischer", "Julia Fischer", "Head of Marketing", "Brightline/Marketing", "maya.lindqvist", "2018-01-15", "female", 1983),
        new("leo.moreau", "Leo Moreau", "Content Marketing Manager", "Brightline/Marketing", "julia.fischer", "2020-06-22", "male", 1991),
        new("ava.thompson", "Ava Thompson", "Demand Generation Manager", "Brightline/Marketing", "julia.fischer", "2021-09-13", "female", 1993),
        new("raj.patel", "Raj Patel", "Marketing Analyst", "Brightline/Marketing", "julia.fischer", "2023-03-06", "male", 1997),
        // Finance
        new("henrik.larsen", "Henrik Larsen", "Chief Financial Officer", "Brightline/Finance", "maya.lindqvist", "2016-09-12", "male", 1975),
        new("emma.wright", "Emma Wright", "Financial Analyst", "Brightline/Finance", "henrik.larsen", "2020-11-02", "female", 1992),
        // People
        new("sara.nilsson", "Sara Nilsson", "Head of People", "Brightline/People", "maya.lindqvist", "2017-04-03", "female", 1982, "HR"),
        new("omar.haddad", "Omar Haddad", "HR Business Partner", "Brightline/People", "sara.nilsson", "2020-02-17", "male", 1989, "HR"),
        new("lucy.evans", "Lucy Evans", "People Operations Specialist", "Brightline/People", "sara.nilsson", "2022-08-08", "female", 1996),

        // Added for the bias checks (issue 6): enough reports for Priya and Ben to reach the n >= 5 the rater analysis needs.
        new("noah.becker", "Noah Becker", "Platform Engineer", "Brightline/Engineering/Platform", "priya.raman", "2024-02-05", "male", 1997),
        new("sana.iqbal", "Sana Iqbal", "Site Reliability Engineer", "Brightline/Engineering/Platform", "priya.raman", "2024-06-10", "female", 1994),
        new("marta.kowalska", "Marta Kowalska", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2023-11-06", "female", 1995),
        new("james.obrien", "James O'Brien", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2024-03-18", "male", 1993),
        new("lina.sorensen", "Lina Sorensen", "Support Engineer", "Brightline/Customer Success/Support", "ben.harris", "2025-01-13", "female", 2000),
    ];
}

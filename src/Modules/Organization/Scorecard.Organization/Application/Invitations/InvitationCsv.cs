using System.Globalization;
using CsvHelper;
using Scorecard.Organization.Web.Api.Models;

namespace Scorecard.Organization.Application.Invitations;

/// <summary>The invitations as CSV (personId, email, link, expiresAt), safe to open in a spreadsheet.</summary>
internal static class InvitationCsv
{
    public const string FileName = "invitations.csv";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static string Write(IEnumerable<InvitationDto> invitations)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var header in new[] { "personId", "email", "link", "expiresAt" }) csv.WriteField(header);
            csv.EndRecord();
            foreach (var i in invitations)
            {
                csv.WriteField(i.PersonId.ToString());
                csv.WriteField(i.Email);
                csv.WriteField(i.Link);
                csv.WriteField(i.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }
        return text.ToString();
    }
}

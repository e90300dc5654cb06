using System.Globalization;
using System.Text;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

internal sealed record MeasurementCsvRow(int Line, Guid KpiId, DateOnly Date, double Value, string? Note);

internal sealed record MeasurementCsvParse(IReadOnlyList<MeasurementCsvRow> Rows, IReadOnlyList<ImportErrorDto> Errors);

/// <summary>
/// Parses <c>kpiId,date,value,note</c> (header required; RFC 4180 quoting; dates yyyy-MM-dd; invariant numbers).
/// Errors carry the file line (the header is line 1) and the column name.
/// </summary>
internal static class MeasurementCsv
{
    public static readonly string[] Header = ["kpiId", "date", "value", "note"];
    public const int MaxRows = 50_000;

    public static MeasurementCsvParse Parse(string text)
    {
        var rows = new List<MeasurementCsvRow>();
        var errors = new List<ImportErrorDto>();
        var records = Records(text.TrimStart('\uFEFF'), errors);
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportErrorDto(1, "", $"The file is empty; the first line must be the header {string.Join(",", Header)}."));
            return new MeasurementCsvParse(rows, errors);
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var index = Header.ToDictionary(h => h, h => header.FindIndex(x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)));
        foreach (var missing in Header.Take(3).Where(h => index[h] < 0))
        {
            errors.Add(new ImportErrorDto(1, missing, $"The header lacks the column '{missing}' (expected {string.Join(",", Header)})."));
        }

        if (errors.Count > 0)
        {
            return new MeasurementCsvParse(rows, errors);
        }

        if (records.Count - 1 > MaxRows)
        {
            errors.Add(new ImportErrorDto(1, "", $"The file has more than {MaxRows} rows."));
            return new MeasurementCsvParse(rows, errors);
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Field(string name) => index[name] >= 0 && index[name] < record.Fields.Count ? record.Fields[index[name]].Trim() : "";
            var ok = true;
            if (!Guid.TryParse(Field("kpiId"), out var kpiId))
            {
                errors.Add(new ImportErrorDto(record.Line, "kpiId", $"'{Field("kpiId")}' is not a KPI id."));
                ok = false;
            }

            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new ImportErrorDto(record.Line, "date", $"'{Field("date")}' is not a date (yyyy-MM-dd)."));
                ok = false;
            }

            if (!double.TryParse(Field("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || Math.Abs(value) > Scorecard.Platform.Values.SaneRange.MaxMagnitude)
            {
                errors.Add(new ImportErrorDto(record.Line, "value", $"'{Field("value")}' is not a finite number."));
                ok = false;
            }

            if (ok)
            {
                var note = Field("note");
                rows.Add(new MeasurementCsvRow(record.Line, kpiId, date, value, note.Length == 0 ? null : note));
            }
        }

        return new MeasurementCsvParse(rows, errors);
    }

    private sealed record Record(int Line, List<string> Fields);

    private static List<Record> Records(string text, List<ImportErrorDto> errors)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new Record(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            errors.Add(new ImportErrorDto(recordLine, "", "A quoted field is not closed."));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields));
        }

        return records;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scorecard.Organization.Domain;
using Scorecard.Platform.Audit;

namespace Scorecard.Organization.Application;

/// <summary>
/// What HR changed on a person, for the audit log: each changed field with its value before and after —
/// except the HR-only attributes, recorded only as changed, so the audit log never spreads them.
/// </summary>
internal static class PersonChangeAudit
{
    private static readonly string[] Audited =
        [nameof(Person.Email), nameof(Person.Name), nameof(Person.JobTitle), nameof(Person.OrgUnitId),
         nameof(Person.ManagerId), nameof(Person.HireDate), nameof(Person.Active), nameof(Person.Gender), nameof(Person.BirthYear)];

    private static readonly HashSet<string> HrOnly = [nameof(Person.Gender), nameof(Person.BirthYear)];

    public const string Changed = "(changed)";

    /// <summary>The audit entry of the changes tracked on <paramref name="entry"/>, or null when nothing audited changed.</summary>
    public static AuditEntry? Describe(EntityEntry<Person> entry, Guid? actor)
    {
        var before = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in Audited)
        {
            var property = entry.Property(name);
            if (Equals(property.OriginalValue, property.CurrentValue)) continue;
            var field = char.ToLowerInvariant(name[0]) + name[1..];
            before[field] = HrOnly.Contains(name) ? Changed : property.OriginalValue;
            after[field] = HrOnly.Contains(name) ? Changed : property.CurrentValue;
        }
        if (after.Count == 0) return null;
        return new AuditEntry("person.updated", "person", entry.Entity.Id.ToString(), actor,
            Before: JsonSerializer.Serialize(before), After: JsonSerializer.Serialize(after),
            DataJson: JsonSerializer.Serialize(new { fields = after.Keys }));
    }
}

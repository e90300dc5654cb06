using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Audit;

/// <summary>
/// Rejected model answers are kept for review inside their <c>ai.call</c> audit record (<c>rejectedAnswer</c> in
/// DataJson) for <see cref="KeepDays"/> days; after that the answer text is cleared from the record and replaced by
/// <c>rejectedAnswerPurgedAt</c>. The record itself (who, when, feature, outcome) stays: the audit log is append-only.
/// </summary>
internal sealed class AiAuditRetention(PlatformDbContext db, TimeProvider clock)
{
    public const int KeepDays = 30;

    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-KeepDays);
        // SQLite cannot compare DateTimeOffset in SQL: narrow by action and content, compare dates here.
        var candidates = await db.AuditLog.Where(a => a.Action == "ai.call" && a.DataJson != null && a.DataJson.Contains("\"rejectedAnswer\":\""))
            .ToListAsync(ct);
        var purged = 0;
        foreach (var record in candidates.Where(r => r.At < cutoff))
        {
            if (JsonNode.Parse(record.DataJson!) is not JsonObject data) continue;
            data["rejectedAnswer"] = null;
            data["rejectedAnswerPurgedAt"] = clock.GetUtcNow().ToString("O");
            record.DataJson = data.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web));
            purged++;
        }
        if (purged > 0) await db.SaveChangesAsync(ct);
        return purged;
    }
}

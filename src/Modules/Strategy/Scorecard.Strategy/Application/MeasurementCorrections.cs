using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Security;
using Scorecard.Platform.Values;
using Scorecard.Strategy.Contracts;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

/// <summary>
/// Corrects and deletes stored measurements. Whoever may record a KPI's measurements may correct them; every
/// change keeps a correction row (old value, new value, who, when, why) and an audit row. When the change moves
/// the KPI's latest value, <see cref="KpiMeasurementRecorded"/> is published with the new latest value, as for a
/// new measurement, so KPI-linked key results follow it.
/// </summary>
internal sealed class MeasurementCorrections(
    StrategyDbContext db,
    StrategyAccess access,
    IOrganizationDirectory directory,
    ICurrentUser user,
    IAuditLog audit,
    IEventBus events,
    TimeProvider clock)
{
    public async Task<MeasurementDto> CorrectAsync(Guid kpiId, Guid measurementId, CorrectMeasurementRequest request, CancellationToken ct)
    {
        var (kpi, measurement) = await EditableAsync(kpiId, measurementId, ct);
        var version = request.Version ?? throw new BadInputException("version", "version is required: send the version of the measurement you corrected.");
        CheckVersion(measurement, version);
        var value = SaneRange.Number(request.Value ?? throw new BadInputException("value", "value is required."), "value");
        var reason = Reason(request.Reason);
        var latestBefore = await LatestAsync(kpiId, ct);
        var old = measurement.Value;
        measurement.Value = value;
        measurement.Version = Guid.NewGuid();
        db.MeasurementCorrections.Add(Correction(measurement, old, value, reason));
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.measurement.corrected", "Kpi", kpiId.ToString(), user.PersonId,
            Before: old.ToString(CultureInfo.InvariantCulture), After: value.ToString(CultureInfo.InvariantCulture), Reason: reason,
            DataJson: JsonSerializer.Serialize(new { measurementId, date = measurement.Date })), ct);
        await PublishIfLatestMovedAsync(kpi, latestBefore, ct);
        return new MeasurementDto(measurement.Id, measurement.Date, measurement.Value, measurement.Note, measurement.EnteredById, null,
            measurement.EnteredAt, measurement.Version);
    }

    public async Task DeleteAsync(Guid kpiId, Guid measurementId, DeleteMeasurementRequest request, CancellationToken ct)
    {
        var (kpi, measurement) = await EditableAsync(kpiId, measurementId, ct);
        if (request.Version is { } version) CheckVersion(measurement, version);
        var reason = Reason(request.Reason);
        var latestBefore = await LatestAsync(kpiId, ct);
        db.MeasurementCorrections.Add(Correction(measurement, measurement.Value, null, reason));
        db.Measurements.Remove(measurement);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.measurement.deleted", "Kpi", kpiId.ToString(), user.PersonId,
            Before: measurement.Value.ToString(CultureInfo.InvariantCulture), Reason: reason,
            DataJson: JsonSerializer.Serialize(new { measurementId, date = measurement.Date })), ct);
        await PublishIfLatestMovedAsync(kpi, latestBefore, ct);
    }

    /// <summary>The KPI's corrections and deletions, newest first.</summary>
    public async Task<IReadOnlyList<MeasurementCorrectionDto>> HistoryAsync(Guid kpiId, CancellationToken ct)
    {
        if (!await db.Kpis.AsNoTracking().AnyAsync(k => k.Id == kpiId, ct)) throw new NotFoundException("KPI", kpiId);
        var rows = (await db.MeasurementCorrections.AsNoTracking().Where(c => c.KpiId == kpiId).ToListAsync(ct))
            .OrderByDescending(c => c.CorrectedAt).ToList();
        var names = new Dictionary<Guid, string?>();
        foreach (var by in rows.Select(r => r.CorrectedById).OfType<Guid>().Distinct())
        {
            names[by] = (await directory.GetPersonAsync(by, ct))?.Name;
        }

        return rows.Select(c => new MeasurementCorrectionDto(c.Id, c.MeasurementId, c.Date, c.OldValue, c.NewValue, c.Reason, c.CorrectedById,
            c.CorrectedById is { } id ? names.GetValueOrDefault(id) : null, c.CorrectedAt)).ToList();
    }

    private async Task<(KpiRecord Kpi, MeasurementRecord Measurement)> EditableAsync(Guid kpiId, Guid measurementId, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, ct) ?? throw new NotFoundException("KPI", kpiId);
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == kpi.ObjectiveId, ct);
        var scorecard = await db.Scorecards.AsNoTracking().FirstAsync(s => s.Id == objective.ScorecardId, ct);
        if (!await access.CanMeasureAsync(kpi, scorecard, ct))
        {
            throw new ForbiddenException($"Only the KPI's owner or an editor of its scorecard can correct measurements of \"{kpi.Name}\".");
        }

        var measurement = await db.Measurements.FirstOrDefaultAsync(m => m.Id == measurementId && m.KpiId == kpiId, ct)
                          ?? throw new NotFoundException("Measurement", measurementId);
        return (kpi, measurement);
    }

    private static void CheckVersion(MeasurementRecord measurement, Guid version)
    {
        if (version != measurement.Version)
        {
            throw new ConflictException($"This measurement was changed by someone else since you loaded it (it is now {measurement.Value.ToString(CultureInfo.InvariantCulture)}). Reload the KPI and correct it again.");
        }
    }

    private static string Reason(string? reason) => Validate.Name(reason, "reason", MeasurementCorrectionRecord.ReasonMaxLength);

    private MeasurementCorrectionRecord Correction(MeasurementRecord m, double old, double? value, string reason) => new()
    {
        MeasurementId = m.Id,
        KpiId = m.KpiId,
        Date = m.Date,
        OldValue = old,
        NewValue = value,
        Reason = reason,
        CorrectedById = user.PersonId,
        CorrectedAt = clock.GetUtcNow(),
    };

    /// <summary>The latest measurement as the scorecard reads it: by date, then by when it was entered.</summary>
    private async Task<(Guid Id, DateOnly Date, double Value)?> LatestAsync(Guid kpiId, CancellationToken ct)
    {
        var rows = await db.Measurements.AsNoTracking().Where(m => m.KpiId == kpiId)
            .Select(m => new { m.Id, m.Date, m.Value, m.EnteredAt }).ToListAsync(ct);
        return rows.OrderBy(m => m.Date).ThenBy(m => m.EnteredAt).Select(m => ((Guid, DateOnly, double)?)(m.Id, m.Date, m.Value)).LastOrDefault();
    }

    private async Task PublishIfLatestMovedAsync(KpiRecord kpi, (Guid Id, DateOnly Date, double Value)? before, CancellationToken ct)
    {
        var after = await LatestAsync(kpi.Id, ct);
        if (after is { } latest && after != before)
        {
            await events.PublishAsync(new KpiMeasurementRecorded(kpi.Id, kpi.ObjectiveId, latest.Date, latest.Value, user.PersonId, clock.GetUtcNow()), ct);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Audit;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// Before a manager review is submitted: if AI-drafted text was ever inserted (discarded later or not), the manager must
/// have confirmed they reviewed and own it (<c>confirmAiReviewed</c>), else 422 naming that field. When it passes,
/// the audit log keeps the drafts, the final text and who confirmed.
/// </summary>
internal sealed class AiConfirmationSubmitCheck(ReviewsDbContext db, IAuditLog audit) : IReviewSubmitCheck
{
    public const string Field = "confirmAiReviewed";

    public async Task CheckAsync(ReviewSubmitContext context, CancellationToken cancellationToken)
    {
        var used = await db.Set<AiDraft>().AsNoTracking()
            .Where(d => d.ReviewId == context.ReviewId && d.UsedAt != null) // discarding later does not undo an insert
            .ToListAsync(cancellationToken);
        if (used.Count == 0) return;
        if (used.Any(d => d.ConfirmedAt is null))
            throw new RuleViolationException(Field,
                "This review contains AI-drafted text. Confirm that you reviewed it, edited it where needed and own it " +
                $"(tick \"I reviewed the AI-drafted text\" on the form, or POST /api/v1/reviews/{context.ReviewId}/ai-confirmation with {{\"{Field}\": true}}) before submitting.");
        var confirmer = used.OrderByDescending(d => d.ConfirmedAt).First();
        await audit.WriteAsync(new AuditEntry("reviews.ai.submitted_with_ai_text", "review", context.ReviewId.ToString(), context.ManagerId,
            Before: string.Join("\n\n---\n\n", used.OrderBy(d => d.CreatedAt).Select(d => d.Text)),
            After: context.Narrative,
            DataJson: JsonColumn.Write(new
            {
                draftIds = used.Select(d => d.Id),
                providers = used.Select(d => $"{d.Provider}/{d.Model}").Distinct(),
                confirmedBy = confirmer.ConfirmedBy,
                confirmedAt = confirmer.ConfirmedAt,
            })), cancellationToken);
    }
}

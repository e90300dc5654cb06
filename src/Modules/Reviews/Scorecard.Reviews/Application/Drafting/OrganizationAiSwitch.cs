using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Ai;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application.Drafting;

/// <summary>
/// The administrator's switch on /ai/transparency, for every feature: when it is off the gateway makes no model
/// call at all (review drafts, bias explanations, OKR explanations), and each feature uses its offline version.
/// </summary>
internal sealed class OrganizationAiSwitch(ReviewsDbContext db) : IAiSwitch
{
    public async Task<bool> ModelCallsAllowedAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<AiSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == AiSettings.OrganizationKey, cancellationToken))?.DraftingEnabled ?? true;
}

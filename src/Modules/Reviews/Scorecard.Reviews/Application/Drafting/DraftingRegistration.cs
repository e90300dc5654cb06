using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Reviews.Application.Drafting;

internal static class DraftingRegistration
{
    /// <summary>AI drafting of reviews (issue 6). Uses the Platform AI gateway (offline drafter unless Ai:Provider is openai-compatible).</summary>
    public static IServiceCollection AddReviewDrafting(this IServiceCollection services)
    {
        services.AddScoped<ReviewDrafter>();
        services.AddScoped<Scorecard.Platform.Ai.IAiSwitch, OrganizationAiSwitch>();
        services.AddScoped<DraftingService>();
        services.AddScoped<AiAuditService>();
        services.AddScoped<IReviewSubmitCheck, AiConfirmationSubmitCheck>();
        services.AddScoped<IReviewSubmitCheck, PrivateTextSubmitCheck>();
        return services;
    }
}

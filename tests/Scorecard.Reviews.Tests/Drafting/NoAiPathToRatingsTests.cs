using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Web.Api;
using Scorecard.Reviews.Web.Api.Models;

namespace Scorecard.Reviews.Tests.Drafting;

/// <summary>Architecture-style: no draft type or drafting endpoint can carry a rating, and no drafting code writes one.</summary>
public sealed partial class NoAiPathToRatingsTests
{
    private static readonly Assembly Module = typeof(DraftingService).Assembly;

    [GeneratedRegex("rating|score|rank|grade|potential|promot|terminat|calibrat", RegexOptions.IgnoreCase)]
    private static partial Regex JudgmentName();

    private static IEnumerable<Type> DraftTypes() =>
        Module.GetTypes().Where(t => t.Namespace == typeof(DraftingService).Namespace && !t.Name.Contains('<'))
            .Concat([typeof(ReviewDraftDto), typeof(DraftSectionDto), typeof(DraftSentenceDto), typeof(DraftCitationDto), typeof(DraftSampleDto),
                typeof(AiUseDto), typeof(AiConfirmationRequest), typeof(PeerSummaryDto), typeof(AiSettingsDto), typeof(AiSettingsRequest)]);

    [Fact]
    public void No_draft_type_has_a_rating_score_ranking_or_recommendation_member()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = DraftTypes()
            .SelectMany(t => t.GetProperties(all).Select(p => $"{t.Name}.{p.Name}")
                .Concat(t.GetFields(all).Where(f => !f.Name.Contains('<')).Select(f => $"{t.Name}.{f.Name}"))
                .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => $"{t.Name}({p.Name})")))
            .Where(n => JudgmentName().IsMatch(n))
            .ToList();
        Assert.Empty(offenders);
        Assert.Contains(typeof(DraftAnswer), DraftTypes()); // the model's answer type is covered
    }

    [Fact]
    public void No_drafting_endpoint_takes_or_returns_a_rating()
    {
        var actions = typeof(DraftsController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(actions);
        foreach (var action in actions)
        {
            var routes = action.GetCustomAttributes<HttpMethodAttribute>().Select(a => a.Template ?? "");
            Assert.All(routes, r => Assert.DoesNotMatch(JudgmentName(), r));
            foreach (var p in action.GetParameters())
            {
                Assert.DoesNotMatch(JudgmentName(), p.Name!);
                Assert.All(p.ParameterType.GetProperties(), prop => Assert.DoesNotMatch(JudgmentName(), prop.Name));
            }
            foreach (var produces in action.GetCustomAttributes<ProducesResponseTypeAttribute>())
                Assert.All(produces.Type.GetProperties(), prop => Assert.DoesNotMatch(JudgmentName(), prop.Name));
        }
    }

    [Fact]
    public void No_drafting_code_writes_a_rating_or_calls_the_rating_paths()
    {
        string[] forbidden =
        [
            $"{nameof(Review)}.set_{nameof(Review.OverallRating)}", $"{nameof(Review)}.set_{nameof(Review.Ratings)}",
            $"{nameof(Review)}.set_{nameof(Review.RatingsJson)}", $"{nameof(Review)}.set_{nameof(Review.Potential)}",
            $"{nameof(Review)}.set_{nameof(Review.SubmittedOverallRating)}",
            $"{nameof(ReviewsService)}.{nameof(ReviewsService.SaveManagerAsync)}", $"{nameof(ReviewsService)}.{nameof(ReviewsService.SubmitAsync)}",
            $"{nameof(CyclesService)}.{nameof(CyclesService.AdjustAsync)}",
        ];
        var types = Module.GetTypes().Where(t => t.Namespace == typeof(DraftingService).Namespace
            || t == typeof(DraftsController) || t.DeclaringType == typeof(DraftsController)).ToList();
        var called = types.SelectMany(CalledMethods).ToHashSet();
        Assert.Contains($"{nameof(Review)}.set_{nameof(Review.AiAssisted)}", called); // the scan sees setters
        foreach (var f in forbidden) Assert.DoesNotContain(f, called);
    }

    /// <summary>Every method a type's IL calls (call/callvirt/newobj tokens), as "DeclaringType.Name".</summary>
    private static IEnumerable<string> CalledMethods(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) continue;
            for (var i = 0; i < il.Length - 4; i++)
            {
                if (il[i] is not (0x28 or 0x6F or 0x73)) continue;
                var token = BitConverter.ToInt32(il, i + 1);
                if ((token >> 24) is not (0x06 or 0x0A or 0x2B)) continue;
                MethodBase? target = null;
                try { target = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null, null); }
                catch (ArgumentException) { }
                catch (BadImageFormatException) { }
                if (target?.DeclaringType is { } declaring) yield return $"{declaring.Name}.{target.Name}";
            }
        }
    }
}

using Scorecard.Platform;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Domain;

namespace Scorecard.Reviews.Tests.Workflow;

public sealed class DomainRulesTests
{
    private static TemplateDefinition Template() => TemplateDefinition.Create(1, 5, null,
    [
        new SectionInput("goals", "Goals", 40, null, null),
        new SectionInput("competencies", "Competencies", 60, ["Delivery", "Collaboration"], null),
        new SectionInput("questions", "Reflection", 0, null, ["What did you achieve?"]),
    ]);

    [Fact]
    public void The_computed_score_weights_competency_means_and_goal_progress_on_the_scale()
    {
        var t = Template();
        var c = t.Competencies.ToList();
        var ratings = new Dictionary<Guid, int> { [c[0].Id] = 5, [c[1].Id] = 4 };
        // competencies 4.5 × 60 + goals (1 + 4 × 0.5 = 3) × 40, over 100 → 3.9
        Assert.Equal(3.9, t.ComputedScore(ratings, 0.5));
        // no OKR data: the competencies alone
        Assert.Equal(4.5, t.ComputedScore(ratings, null));
        // nothing rated and no goals: no score
        Assert.Null(t.ComputedScore(new Dictionary<Guid, int>(), null));
        // goal progress beyond 100 % counts as the top of the scale
        Assert.Equal(5.0, t.ComputedScore(new Dictionary<Guid, int>(), 1.4));
    }

    [Theory]
    [InlineData(5, 1, "scale.max")]
    [InlineData(0, 11, "scale")]
    public void A_bad_scale_is_refused(int min, int max, string field) =>
        Assert.Equal(field, Assert.Throws<BadInputException>(() => TemplateDefinition.Create(min, max, null, [new SectionInput("goals", "G", 1, null, null)])).Field);

    [Fact]
    public void Scale_labels_must_match_the_points_and_default_to_the_standard_five()
    {
        Assert.Equal("scale.labels", Assert.Throws<BadInputException>(() =>
            TemplateDefinition.Create(1, 4, ["a", "b"], [new SectionInput("goals", "G", 1, null, null)])).Field);
        var t = TemplateDefinition.Create(null, null, null, [new SectionInput("goals", "G", 1, null, null)]);
        Assert.Equal("Meets expectations", t.Scale.LabelOf(3));
    }

    [Theory]
    [InlineData("competencies", "sections[0].competencies")]
    [InlineData("questions", "sections[0].questions")]
    [InlineData("nonsense", "sections[0].kind")]
    public void A_section_must_have_its_content(string kind, string field) =>
        Assert.Equal(field, Assert.Throws<BadInputException>(() => TemplateDefinition.Create(1, 5, null, [new SectionInput(kind, "S", 1, null, null)])).Field);

    [Fact]
    public void Ratings_outside_the_scale_are_refused_naming_the_field()
    {
        var scale = Template().Scale;
        scale.EnsureContains(1, "overallRating");
        scale.EnsureContains(5, "overallRating");
        scale.EnsureContains(null, "overallRating");
        var e = Assert.Throws<BadInputException>(() => scale.EnsureContains(6, "overallRating"));
        Assert.Equal("overallRating", e.Field);
        Assert.Contains("1–5", e.Message);
    }

    [Fact]
    public void Phases_run_in_order_and_a_wrong_phase_is_a_409_naming_it()
    {
        var order = new List<string>();
        for (var p = ReviewPhase.Draft; p is not null; p = ReviewPhase.Next(p)) order.Add(p);
        Assert.Equal(["draft", "self", "peer", "manager", "calibration", "signoff", "closed"], order);
        var e = Assert.Throws<ConflictException>(() => ReviewPhase.Require("peer", "submitting the manager review", "manager"));
        Assert.Contains("'peer' phase", e.Message);
        Assert.Contains("'manager'", e.Message);
    }

    [Theory]
    // visibility, viewer is the person, viewer is their manager, viewer is HR, viewer is the author, expected
    [InlineData("private", true, false, false, false, false)]
    [InlineData("private", false, true, false, false, true)]
    [InlineData("private", false, false, false, false, false)]
    [InlineData("private", false, false, true, false, true)]
    [InlineData("private", false, false, false, true, true)]
    [InlineData("shared", true, false, false, false, true)]
    [InlineData("shared", false, true, false, false, true)]
    [InlineData("shared", false, false, false, false, false)]
    [InlineData("public", false, false, false, false, true)]
    public void Feedback_visibility(string visibility, bool isPerson, bool isManager, bool isHr, bool isAuthor, bool expected)
    {
        var (author, person, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var viewer = isAuthor ? author : isPerson ? person : other;
        Assert.Equal(expected, FeedbackVisibility.CanRead(visibility, author, person, viewer, isManager, isHr));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    public void The_nine_box_puts_ratings_in_thirds_of_the_scale(int rating, int band) =>
        Assert.Equal(band, CyclesService.Band(ScaleDefinition.Default, rating));

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Csv_cells_are_quoted_and_formulas_defused(string value, string expected) =>
        Assert.Equal(expected, CyclesService.Csv(value));
}

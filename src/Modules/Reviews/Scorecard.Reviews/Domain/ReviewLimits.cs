namespace Scorecard.Reviews.Domain;

/// <summary>Size limits on what people write; a longer text is refused with 400 naming the field.</summary>
internal static class ReviewLimits
{
    public const int NameMax = 200;
    public const int FeedbackTextMax = 4000;
    public const int AnswerMax = 8000;
    public const int NarrativeMax = 10000;
    public const int ReasonMax = 2000;
    public const int CommentMax = 2000;
    public const int SectionsMax = 20;
    public const int ItemsPerSectionMax = 30;
    public const int ScaleMaxCategories = 10;
    public const int PeerNominationsMax = 8;

    /// <summary>Potential for the 9-box: 1 low, 2 medium, 3 high (whatever the performance scale).</summary>
    public const int PotentialMin = 1;
    public const int PotentialMax = 3;

    /// <summary>The fewest peer responses before peer feedback is shown (without authors).</summary>
    public const int PeerAnonymityThreshold = 3;

    public static string? Text(string? value, string field, int max, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) throw new BadInputException(field, $"{field} is required.");
            return null;
        }
        if (text.Length > max)
            throw new BadInputException(field, $"{field} is {text.Length} characters long; the limit is {max}.");
        return text;
    }
}

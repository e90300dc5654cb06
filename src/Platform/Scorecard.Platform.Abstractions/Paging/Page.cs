namespace Scorecard.Platform.Paging;

/// <summary>Every list endpoint answers <c>{"items":[...],"total":n}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public readonly record struct PageRequest(int Limit, int Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Validates query values; null means "use the default".</summary>
    public static PageRequest From(int? limit, int? offset)
    {
        var l = limit ?? DefaultLimit;
        var o = offset ?? 0;
        if (l < 1 || l > MaxLimit)
            throw new BadInputException("limit", $"limit must be between 1 and {MaxLimit}.");
        if (o < 0)
            throw new BadInputException("offset", "offset must be 0 or more.");
        return new PageRequest(l, o);
    }
}

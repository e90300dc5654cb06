namespace Scorecard.Reviews.Domain.Bias;

/// <summary>Counts words per category, keeping the order in which each was first seen.</summary>
internal sealed class WordTally
{
    private readonly List<(string Word, string Category)> _order = [];
    private readonly Dictionary<(string Word, string Category), int> _counts = [];

    public int Total { get; private set; }

    public void Add(string word, string category)
    {
        var key = (word, category);
        if (_counts.TryGetValue(key, out int count))
        {
            _counts[key] = count + 1;
        }
        else
        {
            _counts[key] = 1;
            _order.Add(key);
        }

        Total++;
    }

    public int CountOf(string category) =>
        _counts.Where(c => c.Key.Category == category).Sum(c => c.Value);

    public IReadOnlyList<FoundWord> ToFoundWords() =>
        _order.Select(k => new FoundWord(k.Word, _counts[k], k.Category)).ToList();
}

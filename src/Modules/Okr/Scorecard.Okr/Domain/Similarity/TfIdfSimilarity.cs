namespace Scorecard.Okr.Domain;

/// <summary>
/// TF-IDF vectors and cosine similarity over a small corpus (the goal plus its candidate parents).
/// tf = 1 + ln(count) (sublinear, so a word repeated in a long description does not dominate);
/// idf = ln((1 + N) / (1 + df)) + 1 (smoothed: never zero, defined for unseen terms); terms from
/// <see cref="TermExtractor"/>. Cosine of two texts with no common term is 0; of an empty text, 0.
/// </summary>
internal sealed class TfIdfSimilarity
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _documentCount;

    public TfIdfSimilarity(IEnumerable<string> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var document in corpus)
        {
            _documentCount++;
            foreach (var term in TermExtractor.Terms(document).Distinct(StringComparer.Ordinal))
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
    }

    public double InverseDocumentFrequency(string term) =>
        Math.Log((1.0 + _documentCount) / (1.0 + _documentFrequency.GetValueOrDefault(term))) + 1.0;

    public IReadOnlyDictionary<string, double> Vector(string? text)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in TermExtractor.Terms(text).GroupBy(t => t, StringComparer.Ordinal))
        {
            vector[group.Key] = (1.0 + Math.Log(group.Count())) * InverseDocumentFrequency(group.Key);
        }

        return vector;
    }

    public double Cosine(string? a, string? b) => Cosine(Vector(a), Vector(b));

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = small.Sum(kv => large.TryGetValue(kv.Key, out var other) ? kv.Value * other : 0.0);
        var norms = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norms == 0.0 ? 0.0 : dot / norms;
    }
}

namespace Scorecard.Okr.Domain;

/// <summary>
/// The candidate side of <see cref="LexicalTextSimilarity"/>, built once per candidate set: each candidate's term counts,
/// the document frequencies over the candidates, and an inverted index term → candidates. Scoring a goal then touches
/// only the candidates sharing a term with it (the others score 0, as the full TF-IDF gives them) and gives exactly the
/// numbers of a TF-IDF model over the candidates plus the goal. The last few sets are remembered, since every goal of
/// one level and period is compared with the same candidates.
/// </summary>
internal sealed class CandidateIndex
{
    private const int Remembered = 8;
    private static readonly LinkedList<CandidateIndex> Recent = new();

    private readonly string[] _texts;
    private readonly List<(string Term, int Count)>[] _terms;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    private CandidateIndex(IReadOnlyList<string> texts)
    {
        _texts = [.. texts];
        _terms = new List<(string, int)>[_texts.Length];
        for (var i = 0; i < _texts.Length; i++)
        {
            _terms[i] = [.. TermExtractor.Terms(_texts[i]).GroupBy(t => t, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];
            foreach (var (term, _) in _terms[i])
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
                (_postings.TryGetValue(term, out var list) ? list : _postings[term] = []).Add(i);
            }
        }
    }

    public static CandidateIndex For(IReadOnlyList<string> texts)
    {
        lock (Recent)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (!node.Value.Matches(texts)) continue;
                Recent.Remove(node);
                Recent.AddFirst(node);
                return node.Value;
            }
        }
        var index = new CandidateIndex(texts);
        lock (Recent)
        {
            Recent.AddFirst(index);
            while (Recent.Count > Remembered) Recent.RemoveLast();
        }
        return index;
    }

    private bool Matches(IReadOnlyList<string> texts)
    {
        if (texts.Count != _texts.Length) return false;
        for (var i = 0; i < _texts.Length; i++)
            if (!string.Equals(texts[i], _texts[i], StringComparison.Ordinal)) return false;
        return true;
    }

    public IReadOnlyList<double> Score(string goalText)
    {
        var scores = new double[_texts.Length];
        var goalTerms = TermExtractor.Terms(goalText).GroupBy(t => t, StringComparer.Ordinal).Select(g => (Term: g.Key, Count: g.Count())).ToList();
        if (goalTerms.Count == 0) return scores;
        var inGoal = goalTerms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var documents = _texts.Length + 1;
        double Idf(string term) =>
            Math.Log((1.0 + documents) / (1.0 + _documentFrequency.GetValueOrDefault(term) + (inGoal.Contains(term) ? 1 : 0))) + 1.0;
        Dictionary<string, double> Vector(IEnumerable<(string Term, int Count)> terms)
        {
            var vector = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (term, count) in terms) vector[term] = (1.0 + Math.Log(count)) * Idf(term);
            return vector;
        }
        var goal = Vector(goalTerms);
        var goalNorm = Math.Sqrt(goal.Values.Sum(v => v * v));
        var idf = new Dictionary<string, double>(StringComparer.Ordinal); // the same value for a term in every candidate
        var sharing = new HashSet<int>();
        foreach (var term in inGoal)
            if (_postings.TryGetValue(term, out var list)) sharing.UnionWith(list);
        foreach (var i in sharing)
        {
            var terms = _terms[i];
            var weights = new double[terms.Count];
            for (var j = 0; j < terms.Count; j++)
            {
                var (term, count) = terms[j];
                if (!idf.TryGetValue(term, out var termIdf)) idf[term] = termIdf = Idf(term);
                weights[j] = (1.0 + Math.Log(count)) * termIdf;
            }
            scores[i] = Cosine(goal, goalNorm, terms, weights);
        }
        return scores;
    }

    /// <summary>
    /// <see cref="TfIdfSimilarity.Cosine"/> of the goal's vector and a candidate's (its terms in order, with their weights),
    /// without building the candidate's dictionary: the same sums in the same order, so the same number to the last bit.
    /// </summary>
    private static double Cosine(Dictionary<string, double> goal, double goalNorm, List<(string Term, int Count)> terms, double[] weights)
    {
        var dot = 0.0;
        if (goal.Count <= terms.Count)
        {
            foreach (var (term, value) in goal)
            {
                var j = terms.FindIndex(t => string.Equals(t.Term, term, StringComparison.Ordinal));
                dot += j >= 0 ? value * weights[j] : 0.0;
            }
        }
        else
        {
            for (var j = 0; j < terms.Count; j++)
                dot += goal.TryGetValue(terms[j].Term, out var other) ? weights[j] * other : 0.0;
        }
        var squares = 0.0;
        foreach (var w in weights) squares += w * w;
        var norms = goalNorm * Math.Sqrt(squares);
        return norms == 0.0 ? 0.0 : dot / norms;
    }
}

namespace NetScript.Language.Diagnostics;

/// <summary>"Did you mean …?" — the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // One edit per three characters (at least one) keeps suggestions plausible.
        int allowed = Math.Max(1, word.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" did you mean `x`?" or "" — appended to messages.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } hit ? $"; did you mean `{hit}`?" : "";

    // Optimal string alignment distance (Levenshtein plus adjacent transposition).
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}

namespace NetScript.Repl.Editing;

/// <summary>What Tab can do at the caret: replace [<see cref="Start"/>, caret) with one of
/// <see cref="Candidates"/> (sorted, best first).</summary>
public sealed record Completion(int Start, string Prefix, IReadOnlyList<string> Candidates)
{
    /// <summary>The longest text every candidate starts with (what Tab inserts when several match).</summary>
    public string CommonPrefix
    {
        get
        {
            if (Candidates.Count == 0) return Prefix;
            string common = Candidates[0];
            foreach (string candidate in Candidates.Skip(1))
            {
                int n = 0;
                while (n < common.Length && n < candidate.Length && common[n] == candidate[n]) n++;
                common = common[..n];
            }
            return common;
        }
    }
}

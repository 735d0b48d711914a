namespace NetScript.Runtime.Search;

/// <summary>Orders trials best first: completed ones by score in the search's direction (ties
/// by trial number, so the order never depends on which worker finished first), then pruned,
/// then failed ones by number.</summary>
public static class TrialRanking
{
    public static IReadOnlyList<TrialResult> Rank(IEnumerable<TrialResult> results, bool maximize) =>
        results.OrderBy(r => r.State switch { TrialState.Completed => 0, TrialState.Pruned => 1, _ => 2 })
            .ThenBy(r => r.State == TrialState.Completed ? (maximize ? -r.Score : r.Score) : 0)
            .ThenBy(r => r.Id)
            .ToList();

    /// <summary>True when <paramref name="a"/> beats <paramref name="b"/> (null: nothing yet).</summary>
    public static bool Beats(TrialResult a, TrialResult? b, bool maximize) =>
        a.State == TrialState.Completed && (b is null || (maximize ? a.Score > b.Score : a.Score < b.Score) || (a.Score == b.Score && a.Id < b.Id));
}

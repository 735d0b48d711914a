using NetScript.Runtime.Search;

namespace NetScript.Hosting.Interactive;

/// <summary>The cells of the REPL's live leaderboard: per trial its number, its parameters'
/// values, its score (as the runtime's <see cref="Leaderboard"/> writes it: mean ± std over
/// folds when it trained on folds; "-" unless completed) and how it ended. Columns are
/// addressed by position (a parameter may share a name with a fixed column): trial, then the
/// parameters in the search space's order, then the metric, then the state.</summary>
public static class LeaderboardTable
{
    public static IReadOnlyList<string> Headers(SearchSnapshot search) =>
        ["trial", .. search.Parameters, search.Metric, "state"];

    public static string[] Cells(TrialRow row) =>
        [row.Trial.ToString(System.Globalization.CultureInfo.InvariantCulture), .. row.Values, Score(row), State(row.Result.State)];

    /// <summary>Which columns stay longest when the width runs out: the trial, its score and its
    /// state, then the parameters in order.</summary>
    public static IReadOnlyList<int> Priority(SearchSnapshot search)
    {
        int parameters = search.Parameters.Length;
        return [0, parameters + 1, parameters + 2, .. Enumerable.Range(1, parameters)];
    }

    /// <summary>"0.9123", "0.9123 ± 0.0100" over folds, "-" for a failed or pruned trial.</summary>
    public static string Score(TrialRow row) => Leaderboard.Score(row.Result);

    /// <summary>"done", "pruned" or "failed": the live table's word for how a trial ended.</summary>
    static string State(TrialState state) => state switch
    {
        TrialState.Completed => "done",
        TrialState.Pruned => "pruned",
        _ => "failed",
    };
}

namespace NetScript.Hosting.Interactive;

/// <summary>The cells of the REPL's live leaderboard: per trial its number, its parameters'
/// values, its score (mean ± std over folds when it trained on folds; "-" unless completed)
/// and how it ended. Columns are addressed by position (a parameter may share a name with a
/// fixed column): trial, then the parameters in the search space's order, then the metric,
/// then the state.</summary>
public static class LeaderboardTable
{
    public static IReadOnlyList<string> Headers(SearchSnapshot search) =>
        ["trial", .. search.Parameters, search.Metric, "state"];

    public static string[] Cells(TrialRow row) =>
        [row.Trial.ToString(System.Globalization.CultureInfo.InvariantCulture), .. row.Values, Score(row), State(row.Outcome)];

    /// <summary>Which columns stay longest when the width runs out: the trial, its score and its
    /// state, then the parameters in order.</summary>
    public static IReadOnlyList<int> Priority(SearchSnapshot search)
    {
        int parameters = search.Parameters.Length;
        return [0, parameters + 1, parameters + 2, .. Enumerable.Range(1, parameters)];
    }

    /// <summary>"0.9123", "0.9123 ± 0.0100" over folds, "-" for a failed or pruned trial.</summary>
    public static string Score(TrialRow row) => row.Outcome != TrialOutcome.Completed || double.IsNaN(row.Score) ? "-"
        : RunEventText.Figure(row.Score) + (double.IsNaN(row.Std) ? "" : " ± " + RunEventText.Figure(row.Std));

    public static string State(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Completed => "done",
        TrialOutcome.Pruned => "pruned",
        _ => "failed",
    };
}

using NetScript.Hosting.Interactive;
using NetScript.Language.Semantics;
using NetScript.Repl.Views;
using NetScript.Runtime.Events;
using NetScript.Runtime.Search;
using NetScript.Tests.Runtime.Search;

namespace NetScript.Tests.Repl;

/// <summary>The REPL's live leaderboard: the monitor ranks a search's trials as they finish
/// (best first in the search's direction, then pruned, then failed), the table shows each
/// trial's values, score and how it ended, and both degrade to the width they get.</summary>
[Collection(TorchCollection.Name)]
public sealed class LeaderboardTests
{
    static SearchPlan Plan(bool maximize) =>
        SearchSpaces.Plan("random", 7, [SearchSpaces.Log("lr", 1e-3, 1e-1), SearchSpaces.Int("units", 8, 128, 8)], maximize, ("trials", 5));

    static TrialResult Trial(int id, TrialState state, double score, double std = double.NaN, string? message = null) =>
        new(new TrialSpec(id, new Dictionary<string, Value> { ["lr"] = new NumberValue(0.001 * (id + 1), false), ["units"] = new NumberValue(8 * (id + 1), true) }, 100 + id),
            state, score, std, 1.5)
        { Message = message };

    /// <summary>Feeds a search of these trials, in this finishing order, through a monitor.</summary>
    static TrainingMonitor Run(SearchPlan plan, params TrialResult[] trials)
    {
        var monitor = new TrainingMonitor();
        monitor.OnEvent(new SearchStarted(plan, 5));
        int finished = 0;
        foreach (TrialResult trial in trials) monitor.OnEvent(new TrialCompleted(plan, trial, null, ++finished, 5));
        return monitor;
    }

    static readonly TrialResult[] Finished =
    [
        Trial(0, TrialState.Completed, 0.80),
        Trial(1, TrialState.Failed, double.NaN, message: "diverged: `val_acc` is NaN"),
        Trial(2, TrialState.Completed, 0.90),
        Trial(3, TrialState.Pruned, double.NaN, message: "below the median at epoch 2"),
        Trial(4, TrialState.Completed, 0.85),
    ];

    [Fact]
    public void Maximizing_ranks_the_highest_score_first_then_pruned_then_failed()
    {
        SearchSnapshot search = Run(Plan(maximize: true), Finished).Search!;
        Assert.Equal([2, 4, 0, 3, 1], search.Ranked.Select(r => r.Trial));
        Assert.Equal(2, search.Best!.Trial);
        Assert.Equal((5, 5, JobState.Running), (search.Finished, search.Total, search.State));
        Assert.Equal(["trial", "lr", "units", "val_acc", "state"], LeaderboardTable.Headers(search));
        Assert.Equal(["2", "0.003", "24", "0.9000", "done"], LeaderboardTable.Cells(search.Ranked[0]));
        // Failed and pruned trials have no score and say how they ended.
        Assert.Equal(["3", "0.004", "32", "-", "pruned"], LeaderboardTable.Cells(search.Ranked[3]));
        Assert.Equal(["1", "0.002", "16", "-", "failed"], LeaderboardTable.Cells(search.Ranked[4]));
        Assert.Equal("diverged: `val_acc` is NaN", search.Ranked[4].Message);
    }

    [Fact]
    public void Minimizing_ranks_the_lowest_score_first()
    {
        SearchSnapshot search = Run(Plan(maximize: false), Finished).Search!;
        Assert.Equal([0, 4, 2, 3, 1], search.Ranked.Select(r => r.Trial));
        Assert.Equal("val_loss", LeaderboardTable.Headers(search)[3]);
        Assert.Equal(0, search.Best!.Trial);
    }

    [Fact]
    public void The_table_updates_per_finished_trial_and_ties_go_to_the_earlier_trial()
    {
        SearchPlan plan = Plan(maximize: true);
        var monitor = new TrainingMonitor();
        monitor.OnEvent(new SearchStarted(plan, 3));
        Assert.Empty(monitor.Search!.Ranked);
        Assert.Null(monitor.Search.Best);
        monitor.OnEvent(new TrialCompleted(plan, Trial(2, TrialState.Completed, 0.5), null, 1, 3));
        SearchSnapshot first = monitor.Search!;
        monitor.OnEvent(new TrialCompleted(plan, Trial(1, TrialState.Completed, 0.5), null, 2, 3));
        Assert.Equal([2], first.Ranked.Select(r => r.Trial));   // a snapshot never changes once published
        Assert.Equal([1, 2], monitor.Search!.Ranked.Select(r => r.Trial));
        Assert.Equal(2.0 / 3, monitor.Search.Fraction, 10);
    }

    [Fact]
    public void A_score_over_folds_shows_its_spread()
    {
        SearchSnapshot search = Run(Plan(maximize: true), Trial(0, TrialState.Completed, 0.9123, 0.01)).Search!;
        Assert.Equal("0.9123 ± 0.0100", LeaderboardTable.Score(search.Ranked[0]));
    }

    [Fact]
    public void The_end_of_the_search_a_stop_and_the_next_training_change_what_the_pane_shows()
    {
        SearchPlan plan = Plan(maximize: true);
        var completed = Run(plan, Finished[0], Finished[2]);
        IReadOnlyList<TrialResult> ranked = TrialRanking.Rank([Finished[0], Finished[2]], true);
        completed.OnEvent(new SearchCompleted(plan, ranked, "leaderboard", null));
        Assert.Equal(JobState.Completed, completed.Search!.State);
        Assert.Equal([2, 0], completed.Search.Ranked.Select(r => r.Trial));
        // The training that follows a search takes the pane back.
        completed.OnEvent(new TrainingStarted("m", "d", 2, 4, 100, 10, "sgd"));
        Assert.Null(completed.Search);

        var stopped = Run(plan, Finished[0]);
        stopped.Finish(JobState.Stopped);
        Assert.Equal(JobState.Stopped, stopped.Search!.State);
        stopped.Clear();                                            // :reset
        Assert.Null(stopped.Search);
    }

    [Fact]
    public void A_narrow_pane_keeps_the_trial_its_score_and_state_and_drops_parameters_last_first()
    {
        SearchSnapshot search = Run(Plan(maximize: true), Trial(0, TrialState.Completed, 0.9123, 0.01)).Search!;
        // trial 5, lr 5, units 5, val_acc 15 ("0.9123 ± 0.0100"), state 5 wide; one column between two.
        int[] widths = [5, 5, 5, 15, 5];
        Assert.Equal([0, 1, 2, 3, 4], ScreenLayout.FitColumns(widths, LeaderboardTable.Priority(search), 39));
        Assert.Equal([0, 1, 3, 4], ScreenLayout.FitColumns(widths, LeaderboardTable.Priority(search), 38));
        Assert.Equal([0, 3, 4], ScreenLayout.FitColumns(widths, LeaderboardTable.Priority(search), 32));
        Assert.Equal([0, 3], ScreenLayout.FitColumns(widths, LeaderboardTable.Priority(search), 26));
        Assert.Equal([0], ScreenLayout.FitColumns(widths, LeaderboardTable.Priority(search), 3));
    }

    [Fact]
    public void The_status_line_counts_trials_before_models_and_data()
    {
        var symbols = SessionSymbols.Empty;
        string line = ScreenLayout.StatusLine(symbols, "search random trials=12 maximize=val_acc {", false, 100, "3/12 trials");
        Assert.Equal(" running: search random trials=12 maximize=val_acc { │ 3/12 trials │ models: none │ data: none", line);
        string narrow = ScreenLayout.StatusLine(symbols, "search random trials=12 maximize=val_acc {", false, 60, "3/12 trials");
        // The statement is cut and data dropped before the count goes.
        Assert.Equal(" running: search random trials… │ 3/12 trials │ models: none", narrow);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(140, 45)]
    public void The_pane_shows_the_leaderboard_best_first_and_drops_parameters_at_80x24(int width, int height)
    {
        using var repl = new HeadlessRepl(width, height);
        SearchPlan plan = Plan(maximize: true);
        TrainingMonitor monitor = repl.Session.Runner.Monitor;
        monitor.OnEvent(new SearchStarted(plan, 5));
        monitor.OnEvent(new TrialCompleted(plan, Trial(0, TrialState.Completed, 0.8, 0.02), null, 1, 5));
        monitor.OnEvent(new TrialCompleted(plan, Trial(1, TrialState.Failed, double.NaN, message: "diverged"), null, 2, 5));
        monitor.OnEvent(new TrialCompleted(plan, Trial(2, TrialState.Completed, 0.9, 0.01), null, 3, 5));
        repl.View.Tick();
        string screen = repl.Screen();
        string[] rows = screen.Split('\n');
        Assert.Equal(height, rows.Length);
        Assert.All(rows, r => Assert.True(r.Length <= width, r));
        Assert.Contains("Search", rows[0]);
        Assert.Contains("search random · maximizing val_acc", screen);   // `_` is text, not a hot-key marker
        Assert.Contains(width < 100 ? "running · 3/5 trials" : "running · 3/5 trials · best 0.9000 (trial 2)", screen);
        string compact = screen.Replace(" ", "");
        // 80 columns leave the statistics pane 36: the second parameter goes, trial, score and state stay.
        Assert.Contains(width < 100 ? "trial│lr│val_acc│state" : "trial│lr│units│val_acc│state", compact);
        int best = compact.IndexOf(width < 100 ? "2│0.003│0.9000±0.0100│done" : "2│0.003│24│0.9000±0.0100│done", StringComparison.Ordinal);
        int second = compact.IndexOf(width < 100 ? "0│0.001│0.8000±0.0200│done" : "0│0.001│8│0.8000±0.0200│done", StringComparison.Ordinal);
        int failed = compact.IndexOf(width < 100 ? "1│0.002│-│failed" : "1│0.002│16│-│failed", StringComparison.Ordinal);
        Assert.True(best >= 0 && second > best && failed > second, screen);
    }
}

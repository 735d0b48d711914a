using System.Globalization;
using NetScript.Hosting.Interactive;
using NetScript.Hosting.Statistics;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScript.Repl.Views;

/// <summary>The live statistics pane: the run's progress (bar, samples/s, ETA), the
/// per-layer table, the per-epoch metrics table and the loss/accuracy chart. It draws a
/// <see cref="TrainingSnapshot"/> and redraws only when a newer one arrives. While a search
/// runs (and after it, until the next training) it is the search's pane instead: its progress
/// in trials and the leaderboard of the finished trials, best first, updated per trial.</summary>
public sealed class StatsPane : FrameView
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    static readonly System.Text.Rune NoHotKey = new(0xFFFF);
    static readonly string[] EpochColumns = ["epoch", "loss", "acc", "val_loss", "val_acc"];

    // No hot-key letter in these labels: `_` in a name (`val_acc`, `my_model`) is text.
    readonly Label _headline = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = "no training yet", HotKeySpecifier = NoHotKey };
    readonly ProgressBar _bar = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1, ProgressBarStyle = ProgressBarStyle.Continuous, SyncWithTerminal = false };
    readonly Label _rates = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = 1, Text = "", HotKeySpecifier = NoHotKey };
    readonly TableView _layers;
    readonly TableView _epochs;
    readonly TableView _leaderboard;
    readonly MetricsChart _chart = new();
    // The chart's key: its glyphs and colours (MetricsChart), one line above it.
    readonly Label _legend = new() { X = 0, Width = Dim.Fill(), Height = 1, Visible = false, Text = "chart: · loss  + accuracy  (bright: train, dim: validation)" };
    object? _shown;

    public StatsPane()
    {
        Title = "Training";
        CanFocus = false;
        _layers = Table(LayerTable.Compact);
        _epochs = Table(EpochColumns);
        _leaderboard = Table(["trial"]);
        _leaderboard.Y = 3;
        _leaderboard.Height = Dim.Fill();
        _leaderboard.Visible = false;
        _layers.Y = 3;
        _layers.Height = 0;
        _layers.Visible = false;
        _epochs.Y = Pos.Bottom(_layers);
        _epochs.Height = Dim.Percent(50);
        _chart.X = 0;
        _legend.Y = Pos.Bottom(_epochs);
        _chart.Y = Pos.Bottom(_legend);
        _chart.Width = Dim.Fill();
        _chart.Height = Dim.Fill();
        Add(_headline, _bar, _rates, _layers, _epochs, _legend, _chart, _leaderboard);
    }

    static TableView Table(string[] columns) => new(new RowsTableSource(columns, []))
    {
        X = 0,
        Width = Dim.Fill(),
        CanFocus = false,
        FullRowSelect = true,
        Style = { AlwaysShowHeaders = true, ShowHorizontalHeaderOverline = false, ShowHorizontalBottomLine = false, ShowVerticalCellLineForFirstColumn = false, ShowVerticalCellLineForLastColumn = false, ExpandLastColumn = false },
    };

    /// <summary>Draws the search when there is one (running, or the last until a training
    /// starts), else the training.</summary>
    public void Show(TrainingSnapshot? snapshot, SearchSnapshot? search = null)
    {
        object? shown = (object?)search ?? snapshot;
        if (ReferenceEquals(shown, _shown) && _size == Viewport.Size && _chartSize == _chart.Viewport.Size) return;
        _shown = shown;
        _size = Viewport.Size;
        _chartSize = _chart.Viewport.Size;
        if (search is not null) ShowSearch(search);
        else if (snapshot is not null) ShowTraining(snapshot);
    }

    void ShowSearch(SearchSnapshot search)
    {
        Title = "Search";
        _layers.Visible = _epochs.Visible = _legend.Visible = _chart.Visible = false;
        _leaderboard.Visible = true;
        int width = Math.Max(1, Viewport.Width);
        _headline.Text = ScreenLayout.Parts(
            [$"search {search.Kind} · {(search.Maximize ? "maximizing" : "minimizing")} {search.Metric}",
             search.Rounds > 1 ? $"round {search.Round}/{search.Rounds}" : null], width);
        _bar.Fraction = (float)search.Fraction;
        _rates.Text = ScreenLayout.Parts(
        [
            State(search.State),
            $"{search.Finished}/{search.Total} trials",
            search.Best is { } best ? $"best {Hosting.RunEventText.Figure(best.Score)} (trial {best.Trial})" : null,
        ], width);

        var (headers, rows) = ScreenLayout.FitTable(LeaderboardTable.Headers(search), [.. search.Ranked.Select(LeaderboardTable.Cells)],
            LeaderboardTable.Priority(search), width);
        _leaderboard.Table = new RowsTableSource(headers, rows);
        _leaderboard.RowOffset = 0;   // the best trials first
        SetNeedsDraw();
    }

    static string State(JobState state) => state switch
    {
        JobState.Running => "running",
        JobState.Paused => "PAUSED (F5 resumes)",
        JobState.Completed => "done",
        JobState.Stopped => "stopped",
        _ => "failed",
    };

    void ShowTraining(TrainingSnapshot snapshot)
    {
        Title = "Training";
        _leaderboard.Visible = false;
        _epochs.Visible = true;
        int width = Math.Max(1, Viewport.Width);
        _headline.Text = ScreenLayout.Parts(
            [$"{snapshot.Model} on {snapshot.Data} · epoch {snapshot.Epoch}/{snapshot.Epochs}", $"step {snapshot.Step}/{snapshot.StepsPerEpoch}"], width);
        _bar.Fraction = (float)snapshot.Fraction;
        // The state first and the rest by priority, as far as the width allows.
        _rates.Text = ScreenLayout.Parts(
        [
            State(snapshot.State),
            $"{(100 * snapshot.Fraction).ToString("0", Invariant)}%",
            snapshot.Remaining is { } eta && snapshot.State is JobState.Running or JobState.Paused ? "ETA " + Hosting.RunEventText.Duration(eta) : null,
            snapshot.LatestLoss is { } loss && snapshot.State is JobState.Running or JobState.Paused ? "loss " + loss.ToString("0.0000", Invariant) : null,
            snapshot.SamplesPerSecond is { } rate ? $"{rate.ToString("N0", Invariant)} samples/s" : null,
        ], width);

        bool hasLayers = !snapshot.Layers.IsEmpty;
        _layers.Visible = hasLayers;
        _layers.Height = hasLayers ? snapshot.Layers.Length + 2 : 0;
        var (columns, cells) = ScreenLayout.FitTable(LayerTable.Compact,
            [.. snapshot.Layers.Select(l => LayerTable.Compact.Select(c => LayerTable.Cell(l, c)).ToArray())], ScreenLayout.LayerPriority, width);
        _layers.Table = new RowsTableSource(columns, cells);

        var rows = snapshot.History.Select(e => new[]
        {
            e.Epoch.ToString(Invariant), F(e.Train.Loss), F(e.Train.Accuracy), F(e.Validation?.Loss), F(e.Validation?.Accuracy),
        }).ToList();
        _epochs.Table = new RowsTableSource(EpochColumns, rows);
        // Follow the newest epoch: the rows that fit end with the latest.
        _epochs.RowOffset = Math.Max(0, rows.Count - Math.Max(1, _epochs.Viewport.Height - 2));
        bool chart = Viewport.Height >= ScreenLayout.MinChartPaneHeight;
        _chart.Visible = chart;
        _legend.Visible = chart && snapshot.History.Count > 0;
        _epochs.Height = chart ? Dim.Percent(50) : Dim.Fill();
        if (chart) _chart.Show(snapshot.History);
        SetNeedsDraw();
    }

    System.Drawing.Size _chartSize;
    System.Drawing.Size _size;

    static string F(double? value) => value is { } v ? v.ToString("0.0000", Invariant) : "-";
}

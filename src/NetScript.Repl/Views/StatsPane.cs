using System.Globalization;
using NetScript.Hosting.Interactive;
using NetScript.Hosting.Statistics;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScript.Repl.Views;

/// <summary>The live statistics pane: the run's progress (bar, samples/s, ETA), the
/// per-layer table, the per-epoch metrics table and the loss/accuracy chart. It draws a
/// <see cref="TrainingSnapshot"/> and redraws only when a newer one arrives.</summary>
public sealed class StatsPane : FrameView
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    static readonly string[] EpochColumns = ["epoch", "loss", "acc", "val_loss", "val_acc"];

    readonly Label _headline = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = "no training yet" };
    readonly ProgressBar _bar = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1, ProgressBarStyle = ProgressBarStyle.Continuous, SyncWithTerminal = false };
    readonly Label _rates = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = 1, Text = "" };
    readonly TableView _layers;
    readonly TableView _epochs;
    readonly MetricsChart _chart = new();
    // The chart's key: its glyphs and colours (MetricsChart), one line above it.
    readonly Label _legend = new() { X = 0, Width = Dim.Fill(), Height = 1, Visible = false, Text = "chart: · loss  + accuracy  (bright: train, dim: validation)" };
    TrainingSnapshot? _shown;

    public StatsPane()
    {
        Title = "Training";
        CanFocus = false;
        _layers = Table(ScreenLayout.LayerColumnPriority);
        _epochs = Table(EpochColumns);
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
        Add(_headline, _bar, _rates, _layers, _epochs, _legend, _chart);
    }

    static TableView Table(string[] columns) => new(new RowsTableSource(columns, []))
    {
        X = 0,
        Width = Dim.Fill(),
        CanFocus = false,
        FullRowSelect = true,
        Style = { AlwaysShowHeaders = true, ShowHorizontalHeaderOverline = false, ShowHorizontalBottomLine = false, ShowVerticalCellLineForFirstColumn = false, ShowVerticalCellLineForLastColumn = false, ExpandLastColumn = false },
    };

    public void Show(TrainingSnapshot? snapshot)
    {
        if (ReferenceEquals(snapshot, _shown) && _size == Viewport.Size && _chartSize == _chart.Viewport.Size) return;
        _shown = snapshot;
        _size = Viewport.Size;
        _chartSize = _chart.Viewport.Size;
        if (snapshot is null) return;

        int width = Math.Max(1, Viewport.Width);
        string headline = $"{snapshot.Model} on {snapshot.Data} · epoch {snapshot.Epoch}/{snapshot.Epochs}";
        string step = $" · step {snapshot.Step}/{snapshot.StepsPerEpoch}";
        _headline.Text = ScreenLayout.Cut(headline + (headline.Length + step.Length <= width ? step : ""), width);
        _bar.Fraction = (float)snapshot.Fraction;
        string state = snapshot.State switch
        {
            JobState.Running => "running",
            JobState.Paused => "PAUSED (F5 resumes)",
            JobState.Completed => "done",
            JobState.Stopped => "stopped",
            _ => "failed",
        };
        // The state first and the rest by priority, as far as the width allows.
        var parts = new[]
        {
            state,
            $"{(100 * snapshot.Fraction).ToString("0", Invariant)}%",
            snapshot.Remaining is { } eta && snapshot.State is JobState.Running or JobState.Paused ? "ETA " + Hosting.RunEventText.Duration(eta) : null,
            snapshot.LatestLoss is { } loss && snapshot.State is JobState.Running or JobState.Paused ? "loss " + loss.ToString("0.0000", Invariant) : null,
            snapshot.SamplesPerSecond is { } rate ? $"{rate.ToString("N0", Invariant)} samples/s" : null,
        }.OfType<string>().ToList();
        string rates = parts[0];
        foreach (string part in parts.Skip(1))
            if (rates.Length + 3 + part.Length <= width) rates += " · " + part;
        _rates.Text = rates;

        bool hasLayers = !snapshot.Layers.IsEmpty;
        _layers.Visible = hasLayers;
        _layers.Height = hasLayers ? snapshot.Layers.Length + 2 : 0;
        var cells = snapshot.Layers.Select(l => LayerTable.Compact.ToDictionary(c => c, c => LayerTable.Cell(l, c))).ToList();
        var widths = ScreenLayout.LayerColumnPriority.ToDictionary(c => c, c => cells.Select(r => r[c].Length).Append(c.Length).Max());
        string[] columns = ScreenLayout.LayerColumns(widths, width);
        _layers.Table = new RowsTableSource(columns, cells.Select(r => columns.Select(c => r[c]).ToArray()).ToList());

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

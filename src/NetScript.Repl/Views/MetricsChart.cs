using System.Drawing;
using System.Text;
using NetScript.Hosting.Interactive;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace NetScript.Repl.Views;

/// <summary>Loss (·) and accuracy (+) per epoch, training in one colour and validation in
/// another, on one 0..max(1, loss) scale. Rebuilt only when an epoch is added.</summary>
public sealed class MetricsChart : GraphView
{
    ShownState? _shown;

    public MetricsChart()
    {
        MarginLeft = 4;
        MarginBottom = 1;
        AxisX.Increment = 0;
        AxisY.Increment = 0;
        AxisX.Visible = false;
        CanFocus = false;
    }

    public void Show(IReadOnlyList<EpochRecord> history)
    {
        var key = new ShownState(history.Count, history.Count > 0 ? history[^1] : null, Viewport.Size);
        if (key == _shown) return;
        _shown = key;
        Series.Clear();
        if (history.Count == 0 || Viewport.Width <= MarginLeft || Viewport.Height <= MarginBottom)
        {
            SetNeedsDraw();
            return;
        }
        Color background = GetAttributeForRole(VisualRole.Normal).Background;
        double top = Math.Max(1, history.Max(e => Math.Max(e.Train.Loss, e.Validation?.Loss ?? 0)));
        int columns = Viewport.Width - (int)MarginLeft;
        int rows = Viewport.Height - (int)MarginBottom;
        CellSize = new PointF(Math.Max(1, history.Count) / (float)columns, (float)(top / rows));
        AxisY.Increment = (float)(top / 2);
        AxisY.ShowLabelsEvery = 1;
        AxisY.LabelGetter = v => v.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Add(history.Select(e => (e.Epoch, e.Train.Loss)), '·', new Attribute(ColorName16.BrightYellow, background));
        Add(history.Select(e => (e.Epoch, e.Train.Accuracy)), '+', new Attribute(ColorName16.BrightGreen, background));
        Add(history.Where(e => e.Validation is not null).Select(e => (e.Epoch, e.Validation!.Loss)), '·', new Attribute(ColorName16.Yellow, background));
        Add(history.Where(e => e.Validation is not null).Select(e => (e.Epoch, e.Validation!.Accuracy)), '+', new Attribute(ColorName16.Green, background));
        SetNeedsDraw();
    }

    void Add(IEnumerable<(int Epoch, double Value)> points, char glyph, Attribute color) =>
        Series.Add(new ScatterSeries
        {
            Points = points.Select(p => new PointF(p.Epoch - 0.5f, (float)p.Value)).ToList(),
            Fill = new GraphCellToRender(new Rune(glyph), color),
        });

    /// <summary>What the series were built for: a new epoch or a resize rebuilds them.</summary>
    sealed record ShownState(int Count, EpochRecord? Last, Size Viewport);
}

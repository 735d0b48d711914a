using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace NetScript.Repl.Views;

/// <summary>Draws the tail of the <see cref="OutputLog"/>, wrapping long lines (a caret line
/// wraps at the same columns as the source line above it, so it still points right).
/// <see cref="ScrollBack"/> rows up from the bottom; 0 follows new output.</summary>
public sealed class OutputView : View
{
    readonly OutputLog _log;
    int _drawnVersion = -1;

    public OutputView(OutputLog log)
    {
        _log = log;
        CanFocus = false;
    }

    public int ScrollBack { get; private set; }

    public void Scroll(int rows)
    {
        ScrollBack = Math.Max(0, ScrollBack + rows);
        SetNeedsDraw();
    }

    /// <summary>Asks for a redraw when the log changed since the last one.</summary>
    public void Refresh()
    {
        if (_log.Version == _drawnVersion) return;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        _drawnVersion = _log.Version;
        int width = Math.Max(1, Viewport.Width);
        int height = Viewport.Height;
        var background = GetAttributeForRole(VisualRole.Normal);

        // Wrap from the newest line backwards until the screen plus the scroll-back is full.
        var rows = new List<(string Text, OutputKind Kind)>();
        for (int i = _log.Lines.Count - 1; i >= 0 && rows.Count < height + ScrollBack; i--)
        {
            var (text, kind) = _log.Lines[i];
            var wrapped = new List<string>();
            for (int at = 0; at < text.Length || wrapped.Count == 0; at += width)
                wrapped.Add(at < text.Length ? text.Substring(at, Math.Min(width, text.Length - at)) : "");
            for (int w = wrapped.Count - 1; w >= 0; w--) rows.Add((wrapped[w], kind));
        }
        ScrollBack = Math.Min(ScrollBack, Math.Max(0, rows.Count - height));
        rows.Reverse();
        int first = Math.Max(0, rows.Count - height - ScrollBack);
        for (int row = 0; row < height; row++)
        {
            int index = first + row;
            string text = index < rows.Count && index < first + height ? rows[index].Text : "";
            SetAttribute(index < rows.Count ? Theme.Attribute(rows[index].Kind) : background);
            AddStr(0, row, text.PadRight(width));
        }
        return true;
    }
}

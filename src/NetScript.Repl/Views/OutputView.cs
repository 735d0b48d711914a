using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetScript.Repl.Views;

/// <summary>Draws the tail of the <see cref="OutputLog"/>, wrapping long lines (a caret line
/// wraps at the same columns as the source line above it, so it still points right).
/// <see cref="ScrollBack"/> rows up from the bottom; 0 follows new output. While
/// <see cref="Browsing"/> (F7) it has the focus and a line cursor: arrows move it, Shift
/// with them selects lines, Enter copies the selection, Esc or F7 goes back to the input.</summary>
public sealed class OutputView : View
{
    readonly OutputLog _log;
    int _drawnVersion = -1;
    int _cursor, _anchor;   // log line indices while browsing

    public OutputView(OutputLog log)
    {
        _log = log;
        CanFocus = false;
    }

    public int ScrollBack { get; private set; }

    public bool Browsing => CanFocus;

    /// <summary>Raised with the selected lines' text when Enter copies them.</summary>
    public event Action<string>? Copied;

    /// <summary>Raised when Esc or F7 leaves browsing.</summary>
    public event Action? Left;

    /// <summary>Starts browsing at the newest line.</summary>
    public void Browse()
    {
        CanFocus = true;
        _cursor = _anchor = Math.Max(0, _log.Lines.Count - 1);
        SetFocus();
        SetNeedsDraw();
    }

    public void StopBrowsing()
    {
        CanFocus = false;
        SetNeedsDraw();
    }

    /// <summary>The text of the lines between the anchor and the cursor.</summary>
    public string Selection
    {
        get
        {
            var (first, last) = Selected();
            return string.Join("\n", _log.Lines.Skip(first).Take(last - first + 1).Select(l => l.Text));
        }
    }

    (int First, int Last) Selected()
    {
        int count = _log.Lines.Count;
        int a = Math.Clamp(_anchor, 0, Math.Max(0, count - 1)), c = Math.Clamp(_cursor, 0, Math.Max(0, count - 1));
        return (Math.Min(a, c), Math.Max(a, c));
    }

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

    protected override bool OnKeyDown(Key key)
    {
        if (!Browsing) return base.OnKeyDown(key);
        int page = Math.Max(1, Viewport.Height - 1);
        int? move = key.NoShift == Key.CursorUp ? -1 : key.NoShift == Key.CursorDown ? 1
            : key.NoShift == Key.PageUp ? -page : key.NoShift == Key.PageDown ? page
            : key.NoShift == Key.Home ? -_log.Lines.Count : key.NoShift == Key.End ? _log.Lines.Count : null;
        if (move is { } rows)
        {
            _cursor = Math.Clamp(_cursor + rows, 0, Math.Max(0, _log.Lines.Count - 1));
            if (!key.IsShift) _anchor = _cursor;
            SetNeedsDraw();
            return true;
        }
        if (key == Key.Enter)
        {
            Copied?.Invoke(Selection);
            return true;
        }
        if (key == Key.Esc || key == Key.F7)
        {
            Left?.Invoke();
            return true;
        }
        return base.OnKeyDown(key);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        _drawnVersion = _log.Version;
        int width = Math.Max(1, Viewport.Width);
        int height = Viewport.Height;
        var background = GetAttributeForRole(VisualRole.Normal);
        var (selectedFirst, selectedLast) = Browsing ? Selected() : (-1, -1);

        // Wrap from the newest line backwards until the screen plus the scroll-back (and the
        // browsing cursor) is covered.
        var rows = new List<(string Text, OutputKind Kind, int Line)>();
        for (int i = _log.Lines.Count - 1; i >= 0 && (rows.Count < height + ScrollBack || (Browsing && i >= _cursor)); i--)
        {
            var (text, kind) = _log.Lines[i];
            var wrapped = new List<string>();
            for (int at = 0; at < text.Length || wrapped.Count == 0; at += width)
                wrapped.Add(at < text.Length ? text.Substring(at, Math.Min(width, text.Length - at)) : "");
            for (int w = wrapped.Count - 1; w >= 0; w--) rows.Add((wrapped[w], kind, i));
        }
        rows.Reverse();
        int first = Math.Max(0, rows.Count - height - ScrollBack);
        if (Browsing && rows.FindIndex(r => r.Line == _cursor) is >= 0 and var top)
        {
            int bottom = rows.FindLastIndex(r => r.Line == _cursor);
            if (top < first) first = top;
            else if (bottom >= first + height) first = bottom - height + 1;
        }
        ScrollBack = Math.Max(0, rows.Count - height - first);
        for (int row = 0; row < height; row++)
        {
            int index = first + row;
            bool inside = index < rows.Count;
            string text = inside ? rows[index].Text : "";
            SetAttribute(!inside ? background
                : rows[index].Line >= selectedFirst && rows[index].Line <= selectedLast ? Theme.Selected
                : Theme.Attribute(rows[index].Kind));
            AddStr(0, row, text.PadRight(width));
        }
        return true;
    }
}

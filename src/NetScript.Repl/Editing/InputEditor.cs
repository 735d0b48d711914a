using System.Drawing;
using NetScript.Language.Semantics;
using NetScript.Repl.Syntax;
using NetScript.Repl.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScript.Repl.Editing;

// TextView is marked obsolete in 2.5.0 in favour of a separate editor package; it is the
// multi-line editor Terminal.Gui itself ships, and NetScript uses only the required packages.
#pragma warning disable CS0618

/// <summary>The multi-line input: Enter runs complete input (and continues incomplete input
/// on a new line), Ctrl+J always adds a line, Up/Down on the first/last row browse the
/// history, Ctrl+R searches it, Tab completes, and the text is coloured by an
/// <see cref="ISyntaxClassifier"/>. Long lines wrap (<see cref="WrapLayout"/>): TextView
/// keeps editing the unwrapped text, and this view draws it wrapped, places the caret and
/// moves Up/Down by rows itself (TextView's own word wrap keeps its position mapping
/// private). It accepts only the keys in <see cref="EditingKeys"/> and typed characters;
/// the REPL's own keys go to <see cref="CommandKey"/> first, and every other key is
/// swallowed, so none of TextView's own bindings (colour dialogs, clipboard, …) can
/// surface.</summary>
public sealed class InputEditor : TextView
{
    readonly ISyntaxClassifier _classifier;
    readonly CompletionProvider _completion = new();
    readonly Func<SessionSymbols> _symbols;
    readonly InputHistory _history;
    TokenKind?[][] _kinds = [];
    // The first row of the wrapped text in view.
    int _top;
    SessionSymbols? _classifiedWith;
    bool _stale = true;
    // The text's wrapping, kept until the text or the width changes (drawn, and asked for by
    // the caret, the keys and the screen's layout many times per keystroke).
    WrapLayout? _wrapping;

    public InputEditor(ISyntaxClassifier classifier, InputHistory history, Func<SessionSymbols> symbols)
    {
        _classifier = classifier;
        _history = history;
        _symbols = symbols;
        Multiline = true;
        WordWrap = false;
        TabKeyAddsTab = false;
        ContentsChanged += (_, _) => (_stale, _wrapping) = (true, null);
    }

    /// <summary>Raised with the input when Enter runs it; the editor is cleared.</summary>
    public event Action<string>? Submitted;

    /// <summary>Raised when Tab finds several candidates and cannot extend the word.</summary>
    public event Action<IReadOnlyList<string>>? CompletionsOffered;

    /// <summary>Raised for PageUp (negative) and PageDown, which scroll the output pane.</summary>
    public event Action<int>? ScrollRequested;

    /// <summary>Asked first for every key; returns true when the REPL handled it (F-keys, Ctrl+C, …).</summary>
    public Func<Key, bool>? CommandKey { get; set; }

    /// <summary>The editing keys TextView keeps: caret movement, selection, deletion, undo.</summary>
    public static readonly IReadOnlySet<Key> EditingKeys = new HashSet<Key>
    {
        Key.CursorLeft, Key.CursorRight, Key.CursorUp, Key.CursorDown, Key.Home, Key.End,
        Key.CursorLeft.WithCtrl, Key.CursorRight.WithCtrl, Key.Home.WithCtrl, Key.End.WithCtrl,
        Key.CursorLeft.WithShift, Key.CursorRight.WithShift, Key.CursorUp.WithShift, Key.CursorDown.WithShift,
        Key.Home.WithShift, Key.End.WithShift, Key.CursorLeft.WithCtrl.WithShift, Key.CursorRight.WithCtrl.WithShift,
        Key.Backspace, Key.Delete, Key.Backspace.WithCtrl, Key.Delete.WithCtrl,
        Key.Z.WithCtrl, Key.Y.WithCtrl,
    };

    /// <summary>The reverse history search Ctrl+R started, or null.</summary>
    public HistorySearch? Search { get; private set; }

    /// <summary>Offset of the caret in <see cref="TextView.Text"/>.</summary>
    public int CaretOffset
    {
        get
        {
            var lines = Text.Split('\n');
            int offset = 0;
            for (int row = 0; row < CurrentRow && row < lines.Length; row++) offset += lines[row].Length + 1;
            return offset + CurrentColumn;
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        if (CommandKey?.Invoke(key) == true) return true;
        if (Search is not null) return SearchKey(key);
        if (key == Key.R.WithCtrl)
        {
            Search = new HistorySearch(_history, Text);
            return true;
        }
        if (key == Key.Enter)
        {
            if (!InputCompleteness.IsComplete(Text))
            {
                SetNeedsDraw();
                return false;   // TextView adds the line
            }
            string input = Text;
            SetText("");
            Submitted?.Invoke(input);
            return true;
        }
        if (key == Key.J.WithCtrl)
        {
            InsertText("\n");
            ShowCaret();
            return true;
        }
        if (key == Key.CursorUp || key == Key.CursorDown)
        {
            WrapLayout layout = Wrapping();
            var (row, column) = layout.Place(CurrentRow, CurrentColumn);
            int to = row + (key == Key.CursorUp ? -1 : 1);
            if (to >= 0 && to < layout.Rows.Count)
            {
                var (line, index) = layout.At(to, column);
                InsertionPoint = new Point(index, line);
                ShowCaret();
            }
            else if (key == Key.CursorUp && _history.Previous(Text) is { } previous) SetText(previous);
            else if (key == Key.CursorDown && _history.Next() is { } next) SetText(next);
            return true;
        }
        if (key == Key.Tab)
        {
            Complete();
            return true;
        }
        if (key == Key.PageUp || key == Key.PageDown)
        {
            ScrollRequested?.Invoke(key == Key.PageUp ? -1 : 1);
            return true;
        }
        if (EditingKeys.Contains(key) || IsTyped(key))
        {
            // TextView moves its caret in the key's command, after this returns: the redraw
            // that follows wraps the text and places the cursor (OnDrawingContent).
            SetNeedsDraw();
            return base.OnKeyDown(key);
        }
        return true;
    }

    /// <summary>Ends a Ctrl+R search, keeping the input as it is.</summary>
    public void ClearSearch() => Search = null;

    /// <summary>A character to insert: no Ctrl or Alt, and not a control key.</summary>
    static bool IsTyped(Key key) =>
        !key.IsCtrl && !key.IsAlt && key.AsRune.Value >= ' ' && key.AsRune.Value != 127;

    /// <summary>Ctrl+R again: an older match; typing and Backspace edit the query; Enter or
    /// any movement keeps the match in the input; Esc and Ctrl+G put back what was there.</summary>
    bool SearchKey(Key key)
    {
        HistorySearch search = Search!;
        if (key == Key.R.WithCtrl) search.Older();
        else if (key == Key.Backspace) search.Query = search.Query.Length == 0 ? "" : search.Query[..^1];
        else if (key == Key.Esc || key == Key.G.WithCtrl)
        {
            Search = null;
            SetText(search.Original);
            return true;
        }
        else if (IsTyped(key)) search.Query += (char)key.AsRune.Value;
        else
        {
            Search = null;
            SetText(search.Match ?? search.Original);
            SetNeedsDraw();
            return key == Key.Enter || !EditingKeys.Contains(key) || base.OnKeyDown(key);
        }
        SetText(search.Match ?? search.Original);
        return true;
    }

    void Complete()
    {
        string text = Text;
        Completion completion = _completion.Complete(text, CaretOffset, _symbols());
        if (completion.Candidates.Count == 0) return;
        // A unique word is finished with a space (an argument's `name=` and a folder are not: what they hold follows).
        string insert = completion.Candidates.Count == 1
            ? completion.Candidates[0] + (completion.Candidates[0].EndsWith('=') || completion.Candidates[0].EndsWith('/') ? "" : " ")
            : completion.CommonPrefix;
        if (insert.Length > completion.Prefix.Length)
        {
            InsertText(insert[completion.Prefix.Length..]);
            ShowCaret();
        }
        else CompletionsOffered?.Invoke(completion.Candidates);
    }

    /// <summary>Replaces the text and puts the caret at its end.</summary>
    public void SetText(string text)
    {
        Text = text;
        var lines = text.Split('\n');
        InsertionPoint = new Point(lines[^1].Length, lines.Length - 1);
        (_stale, _wrapping) = (true, null);
        ShowCaret();
    }

    /// <summary>The text's wrapping at the view's width.</summary>
    public WrapLayout Wrapping()
    {
        if (_wrapping is null || _wrapping.Width != Math.Max(1, Viewport.Width))
            _wrapping = new(GetAllLines().Select(line => (IReadOnlyList<int>)line.Select(c => Math.Max(1, c.Grapheme.GetColumns())).ToList()).ToList(), Viewport.Width);
        return _wrapping;
    }

    /// <summary>Scrolls so the caret's row is in view; returns the caret's row and column in the view.</summary>
    (int Row, int Column) ScrollToCaret(WrapLayout layout)
    {
        var (row, column) = layout.Place(CurrentRow, CurrentColumn);
        int height = Math.Max(1, Viewport.Height);
        _top = Math.Clamp(_top, Math.Max(0, row - height + 1), row);
        _top = Math.Min(_top, Math.Max(0, layout.Rows.Count - height));
        return (row - _top, column);
    }

    /// <summary>Puts the terminal's cursor at the caret (TextView places it on the unwrapped line).</summary>
    void ShowCaret()
    {
        var (row, column) = ScrollToCaret(Wrapping());
        Cursor = Cursor with { Position = HasFocus && column < Viewport.Width ? ViewportToScreen(new Point(column, row)) : null };
        SetNeedsDraw();
    }

    /// <summary>Draws the text wrapped, coloured by token class, with the selection.</summary>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        List<List<Cell>> lines = GetAllLines();
        WrapLayout layout = Wrapping();
        var (caretRow, caretColumn) = ScrollToCaret(layout);
        var (from, to) = SelectionRange();
        Attribute plain = GetAttributeForRole(VisualRole.Editable);
        SessionSymbols symbols = _symbols();
        for (int y = 0; y < Viewport.Height; y++)
        {
            int x = 0;
            if (_top + y < layout.Rows.Count)
            {
                WrapLayout.Row row = layout.Rows[_top + y];
                for (int i = row.Start; i < row.End; i++)
                {
                    Cell cell = lines[row.Line][i];
                    bool selected = IsSelecting && (row.Line, i).CompareTo(from) >= 0 && (row.Line, i).CompareTo(to) < 0;
                    SetAttribute(selected ? GetAttributeForRole(VisualRole.Active)
                        : Kind(symbols, row.Line, i) is { } kind ? Theme.Attribute(kind, Theme.Surface.Input) : plain);
                    AddStr(x, y, cell.Grapheme);
                    x += Math.Max(1, cell.Grapheme.GetColumns());
                }
            }
            SetAttribute(plain);
            for (; x < Viewport.Width; x++) AddStr(x, y, " ");
        }
        Cursor = Cursor with { Position = HasFocus && caretColumn < Viewport.Width ? ViewportToScreen(new Point(caretColumn, caretRow)) : null };
        return true;
    }

    /// <summary>The selection's start and end (exclusive) as (line, index), in text order.</summary>
    ((int, int) From, (int, int) To) SelectionRange()
    {
        (int, int) anchor = (SelectionStartRow, SelectionStartColumn), caret = (CurrentRow, CurrentColumn);
        return anchor.CompareTo(caret) <= 0 ? (anchor, caret) : (caret, anchor);
    }

    /// <summary>A click puts the caret where it points in the wrapped text.</summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        if ((mouse.IsPressed || mouse.IsSingleClicked) && mouse.Position is { } at)
        {
            var (line, index) = Wrapping().At(_top + at.Y, at.X);
            SetFocus();
            InsertionPoint = new Point(index, line);
            ShowCaret();
        }
        return true;
    }

    TokenKind? Kind(SessionSymbols symbols, int row, int column)
    {
        if (_stale || !ReferenceEquals(symbols, _classifiedWith)) Classify(symbols);
        return row < _kinds.Length && column < _kinds[row].Length ? _kinds[row][column] : null;
    }

    void Classify(SessionSymbols symbols)
    {
        string text = Text;
        var lines = text.Split('\n');
        var kinds = lines.Select(l => new TokenKind?[l.Length]).ToArray();
        var lineStarts = new int[lines.Length];
        for (int i = 1; i < lines.Length; i++) lineStarts[i] = lineStarts[i - 1] + lines[i - 1].Length + 1;
        foreach (ClassifiedSpan span in _classifier.Classify(text, symbols))
        {
            for (int offset = span.Start; offset < span.End; offset++)
            {
                int row = Array.BinarySearch(lineStarts, offset);
                if (row < 0) row = ~row - 1;
                int column = offset - lineStarts[row];
                if (column < kinds[row].Length) kinds[row][column] = span.Kind;
            }
        }
        _kinds = kinds;
        _classifiedWith = symbols;
        _stale = false;
    }
}

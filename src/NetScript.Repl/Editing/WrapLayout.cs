namespace NetScript.Repl.Editing;

/// <summary>How the input's lines wrap into rows of at most <c>width</c> columns (soft wrap:
/// the text keeps its own lines; nothing is inserted). A character never splits: one that
/// would cross the edge starts the next row. A line whose text fills its last row exactly
/// gets one empty row more, so the caret after its last character has a place. Maps caret
/// positions (line, index of the character before which it stands) to rows and columns and
/// back.</summary>
public sealed class WrapLayout
{
    /// <summary>One row: characters [<see cref="Start"/>, <see cref="End"/>) of line <see cref="Line"/>.</summary>
    public readonly record struct Row(int Line, int Start, int End);

    readonly IReadOnlyList<IReadOnlyList<int>> _widths;
    readonly List<Row> _rows = new();
    readonly int[] _firstRow;

    /// <param name="widths">Per line, the display width of each character (1; 2 for wide ones).</param>
    /// <param name="width">Columns per row (at least 1).</param>
    public WrapLayout(IReadOnlyList<IReadOnlyList<int>> widths, int width)
    {
        _widths = widths;
        Width = Math.Max(1, width);
        _firstRow = new int[Math.Max(1, widths.Count)];
        for (int line = 0; line < widths.Count; line++)
        {
            _firstRow[line] = _rows.Count;
            IReadOnlyList<int> cells = widths[line];
            int start = 0, column = 0;
            for (int i = 0; i < cells.Count; i++)
            {
                int w = Math.Max(1, cells[i]);
                if (column > 0 && column + w > Width)
                {
                    _rows.Add(new Row(line, start, i));
                    (start, column) = (i, 0);
                }
                column += w;
            }
            _rows.Add(new Row(line, start, cells.Count));
            if (column >= Width) _rows.Add(new Row(line, cells.Count, cells.Count));
        }
        if (_rows.Count == 0) _rows.Add(new Row(0, 0, 0));
    }

    public int Width { get; }

    public IReadOnlyList<Row> Rows => _rows;

    /// <summary>The row and column of the caret before character <paramref name="index"/> of
    /// <paramref name="line"/> (the line's length: after its last character).</summary>
    public (int Row, int Column) Place(int line, int index)
    {
        if (_widths.Count == 0) return (0, 0);
        line = Math.Clamp(line, 0, _widths.Count - 1);
        index = Math.Clamp(index, 0, _widths[line].Count);
        int row = _firstRow[line];
        while (row + 1 < _rows.Count && _rows[row + 1].Line == line && _rows[row + 1].Start <= index) row++;
        int column = 0;
        for (int i = _rows[row].Start; i < index; i++) column += Math.Max(1, _widths[line][i]);
        return (row, column);
    }

    /// <summary>The caret position nearest to <paramref name="column"/> on <paramref name="row"/>:
    /// past the end of a row that wraps, its last character (the end itself is the next row's start).</summary>
    public (int Line, int Index) At(int row, int column)
    {
        row = Math.Clamp(row, 0, _rows.Count - 1);
        Row r = _rows[row];
        if (_widths.Count == 0) return (0, 0);
        int last = r.End > r.Start && Place(r.Line, r.End).Row != row ? r.End - 1 : r.End;
        int index = r.Start, used = 0;
        while (index < last && used + Math.Max(1, _widths[r.Line][index]) <= column)
        {
            used += Math.Max(1, _widths[r.Line][index]);
            index++;
        }
        return (r.Line, index);
    }
}

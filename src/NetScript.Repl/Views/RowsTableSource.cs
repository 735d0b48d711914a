using Terminal.Gui.Views;

namespace NetScript.Repl.Views;

/// <summary>A table of preformatted strings (the view never formats numbers itself).</summary>
public sealed class RowsTableSource(string[] columns, IReadOnlyList<string[]> rows) : ITableSource
{
    public object this[int row, int col] => rows[row][col];

    public string[] ColumnNames => columns;

    public int Columns => columns.Length;

    public int Rows => rows.Count;
}

namespace NetScript.Language.Syntax;

/// <summary>Collects the formatter's output as lines that remember their source range.</summary>
internal sealed class LineWriter
{
    readonly List<FormattedLine> _lines = new();
    FormattedLine? _current;

    public IReadOnlyList<FormattedLine> Lines => _lines;

    FormattedLine Current => _current ?? throw new InvalidOperationException("no line started");

    /// <summary>The column the next text lands in (two spaces per indent level).</summary>
    public int Column => Current.Indent * 2 + Current.Code.Length;

    public void Begin(int indent, int from, bool closer = false)
    {
        _current = new FormattedLine(indent, from, closer);
        _lines.Add(_current);
    }

    public void Append(string text) => Current.Code.Append(text);

    /// <summary>The current line covers the source up to <paramref name="to"/>.</summary>
    public void Extend(int to) => Current.To = Math.Max(Current.To, to);

    public void MarkOpener() => Current.Opener = true;
}

namespace NetScript.Language.Text;

/// <summary>The text of one script (a file or a REPL submission) with its line starts.</summary>
public sealed class SourceText
{
    readonly int[] _lineStarts;

    SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The name diagnostics print: a file path, or e.g. "&lt;repl:3&gt;".</summary>
    public string Path { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    /// <summary>Wraps text; a leading UTF-8 byte order mark is replaced by a space so that
    /// offsets still match the file.</summary>
    public static SourceText From(string text, string path = "<input>")
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = " " + text[1..];
        return new SourceText(path, text);
    }

    public static SourceText Load(string path) =>
        From(File.ReadAllText(path), path);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public TextLocation GetLocation(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = GetLineIndex(offset);
        return new TextLocation(line + 1, ColumnOf(line, offset));
    }

    /// <summary>The line's text without its line break (line is 1-based).</summary>
    public string GetLineText(int line)
    {
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text[start..end];
    }

    public int GetLineStart(int line) => _lineStarts[line - 1];

    int GetLineIndex(int offset)
    {
        int index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    // Columns count characters, with a tab advancing to the next multiple of 4 plus one,
    // so carets line up under the echoed line (which expands tabs the same way).
    int ColumnOf(int line, int offset)
    {
        int column = 1;
        for (int i = _lineStarts[line]; i < offset; i++)
            column = Text[i] == '\t' ? ((column - 1) / 4 + 1) * 4 + 1 : column + 1;
        return column;
    }

    static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c == '\r' || c == '\n') starts.Add(i + 1);
        }
        return starts.ToArray();
    }
}

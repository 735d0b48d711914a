namespace NetScript.Repl;

/// <summary>The output pane's lines, capped so a long session cannot slow drawing down or
/// grow memory; <see cref="Version"/> changes with every append so views redraw only then.
/// Written on the UI thread only.</summary>
public sealed class OutputLog
{
    readonly List<(string Text, OutputKind Kind)> _lines = new();

    public OutputLog(int capacity = 5000) => Capacity = capacity;

    public int Capacity { get; }

    public int Version { get; private set; }

    public IReadOnlyList<(string Text, OutputKind Kind)> Lines => _lines;

    /// <summary>Appends text; embedded line breaks make several lines of the same kind.</summary>
    public void Add(string text, OutputKind kind = OutputKind.Text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
            _lines.Add((line, kind));
        if (_lines.Count > Capacity) _lines.RemoveRange(0, _lines.Count - Capacity);
        Version++;
    }

    /// <summary>Ctrl+L and `:clear`: an empty pane (the session's records are unaffected).</summary>
    public void Clear()
    {
        _lines.Clear();
        Version++;
    }

    public override string ToString() => string.Join("\n", _lines.Select(l => l.Text));
}

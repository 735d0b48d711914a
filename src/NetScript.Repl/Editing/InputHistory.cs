using System.Text;

namespace NetScript.Repl.Editing;

/// <summary>Submitted inputs, newest last, browsed with Up/Down and kept across sessions in
/// a file (one entry per line; line breaks inside an entry are escaped as `\n`).</summary>
public sealed class InputHistory
{
    const int MaxEntries = 1000;
    readonly List<string> _entries = new();
    readonly string? _path;
    int _cursor;
    string _draft = "";

    /// <summary>A history kept in <paramref name="path"/> (null: this session only).</summary>
    public InputHistory(string? path)
    {
        _path = path;
        if (path is not null && File.Exists(path))
        {
            try
            {
                _entries.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0).Select(Unescape).TakeLast(MaxEntries));
            }
            catch (IOException)
            {
                // An unreadable history is not worth failing start-up for.
            }
        }
        _cursor = _entries.Count;
    }

    /// <summary>$XDG_STATE_HOME/netscript/history, else ~/.local/state/netscript/history.</summary>
    public static string DefaultPath()
    {
        string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "netscript", "history");
    }

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string entry)
    {
        entry = entry.TrimEnd();
        _cursor = _entries.Count;
        _draft = "";
        if (entry.Length == 0 || _entries.Count > 0 && _entries[^1] == entry) return;
        _entries.Add(entry);
        _cursor = _entries.Count;
        if (_path is null) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.AppendAllText(_path, Escape(entry) + "\n");
            if (_entries.Count == MaxEntries) File.WriteAllLines(_path, _entries.Select(Escape));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience; a read-only home must not break the REPL.
        }
        if (_entries.Count > MaxEntries) _entries.RemoveRange(0, _entries.Count - MaxEntries);
    }

    /// <summary>The entry before the one shown; <paramref name="current"/> is kept as the
    /// draft to come back to. Null at the oldest entry.</summary>
    public string? Previous(string current)
    {
        if (_cursor == 0) return null;
        if (_cursor == _entries.Count) _draft = current;
        return _entries[--_cursor];
    }

    /// <summary>The entry after the one shown, or the draft after the newest. Null when not browsing.</summary>
    public string? Next()
    {
        if (_cursor >= _entries.Count) return null;
        _cursor++;
        return _cursor == _entries.Count ? _draft : _entries[_cursor];
    }

    static string Escape(string entry) =>
        new StringBuilder(entry).Replace("\\", "\\\\").Replace("\r", "").Replace("\n", "\\n").ToString();

    static string Unescape(string line)
    {
        var text = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                text.Append(line[++i] == 'n' ? '\n' : line[i]);
                continue;
            }
            text.Append(line[i]);
        }
        return text.ToString();
    }
}

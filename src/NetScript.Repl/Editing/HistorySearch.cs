namespace NetScript.Repl.Editing;

/// <summary>Ctrl+R: the newest history entry containing <see cref="Query"/>, and older ones
/// on each further Ctrl+R (as in bash and IPython). <see cref="Original"/> is the input
/// before the search, restored when it is cancelled.</summary>
public sealed class HistorySearch(InputHistory history, string original)
{
    string _query = "";
    int _before = history.Entries.Count;

    public string Original { get; } = original;

    /// <summary>The entry found, or null when none contains the query.</summary>
    public string? Match { get; private set; }

    public string Query
    {
        get => _query;
        set
        {
            _query = value;
            _before = history.Entries.Count;
            Find();
        }
    }

    /// <summary>The next older entry that matches (the match stays when there is none).</summary>
    public void Older()
    {
        if (Match is not null) Find();
    }

    void Find()
    {
        for (int i = _before - 1; i >= 0; i--)
        {
            if (!history.Entries[i].Contains(_query, StringComparison.Ordinal)) continue;
            Match = history.Entries[i];
            _before = i;
            return;
        }
        if (_before == history.Entries.Count) Match = null;
    }

    /// <summary>What the status line shows while searching.</summary>
    public override string ToString() =>
        $"(history search)`{_query}`: " + (Match is null ? "no match" : Match.Split('\n')[0]) + "   Ctrl+R older · Enter keep · Esc cancel";
}

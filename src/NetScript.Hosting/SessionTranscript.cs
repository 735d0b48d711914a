using System.Collections.Immutable;
using System.Text;
using NetScript.Language.Semantics;

namespace NetScript.Hosting;

/// <summary>The statements a session ran, in order, and how to turn them back into a script
/// that `netscript run` accepts. A REPL may redefine names; a script may not. So a saved
/// script keeps only what the final state depends on: the last definition of every name,
/// the definitions those use, and the statements (train, evaluate, …) whose names all still
/// refer to kept definitions. Statements that define and use nothing (seed, optimizer, …)
/// are always kept, in place.</summary>
public sealed class SessionTranscript
{
    readonly List<TranscriptEntry> _entries = new();
    // The record of what ran before the last `:reset`, already written out.
    readonly StringBuilder _forgotten = new();

    /// <summary>The statements since the session started or was last reset.</summary>
    public IReadOnlyList<TranscriptEntry> Entries => _entries;

    /// <summary>`:reset`: what ran so far stays in the record, marked, and leaves <see cref="Entries"/>.</summary>
    public void Reset()
    {
        foreach (TranscriptEntry entry in _entries) Append(_forgotten, entry);
        _forgotten.Append("# :reset: the session forgot everything above\n");
        _entries.Clear();
    }

    /// <summary>Records a statement that ran, from the session symbols before and after it.</summary>
    public TranscriptEntry Add(string text, SessionSymbols before, SessionSymbols after, int? stoppedAfter = null)
    {
        var defines = Defined(before, after).ToImmutableHashSet(StringComparer.Ordinal);
        var uses = Identifiers(text).Select(i => i.Name)
            .Where(name => before.KindOf(name) is not null && !defines.Contains(name))
            .ToImmutableHashSet(StringComparer.Ordinal);
        var entry = new TranscriptEntry(text, defines, uses, stoppedAfter);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Names whose definition changed (new, or redefined: its defining statement moved).</summary>
    public static IEnumerable<string> Defined(SessionSymbols before, SessionSymbols after) =>
        after.Datasets.Where(d => !before.Datasets.TryGetValue(d.Key, out var old) || old.DefinedAt != d.Value.DefinedAt).Select(d => d.Key)
            .Concat(after.Models.Where(m => !before.Models.TryGetValue(m.Key, out var old) || old.DefinedAt != m.Value.DefinedAt).Select(m => m.Key))
            .Concat(after.Definitions.Where(d => !before.Definitions.TryGetValue(d.Key, out var old) || old.DefinedAt != d.Value.DefinedAt).Select(d => d.Key))
            .Concat(after.Folds.Where(f => !before.Folds.TryGetValue(f.Key, out var old) || old.DefinedAt != f.Value.DefinedAt).Select(f => f.Key));

    /// <summary>The indices of the entries a script reproducing the final state needs.</summary>
    public IReadOnlyList<int> LiveEntries()
    {
        // Forward: which entry defined each name a statement uses, at the time it ran.
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        var resolved = new List<(string Name, int Entry)[]>();
        for (int i = 0; i < _entries.Count; i++)
        {
            resolved.Add(_entries[i].Uses.Where(current.ContainsKey).Select(u => (u, current[u])).ToArray());
            foreach (string name in _entries[i].Defines) current[name] = i;
        }

        // Backward over definitions: the final ones are live, and so is whatever a live one used.
        var live = current.Select(kv => (kv.Key, kv.Value)).ToHashSet();
        var keep = new bool[_entries.Count];
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            if (!_entries[i].Defines.Any(name => live.Contains((name, i)))) continue;
            keep[i] = true;
            live.UnionWith(resolved[i]);
        }
        // Statements that define nothing stay when everything they use is live.
        for (int i = 0; i < _entries.Count; i++)
            if (_entries[i].Defines.IsEmpty) keep[i] = resolved[i].All(live.Contains);
        return Enumerable.Range(0, _entries.Count).Where(i => keep[i]).ToList();
    }

    /// <summary>The script text; <paramref name="dropped"/> counts statements left out
    /// because a later definition replaced what they built.</summary>
    public string ToScript(string header, out int dropped)
    {
        var live = LiveEntries();
        dropped = _entries.Count - live.Count;
        var text = new StringBuilder();
        foreach (string line in header.Split('\n')) text.Append("# ").Append(line).Append('\n');
        foreach (int i in live) Append(text, _entries[i]);
        return text.ToString();
    }

    /// <summary>Every statement in the order it ran (redefinitions included): the session's
    /// record in its run folder.</summary>
    public string ToRecord(string header)
    {
        var text = new StringBuilder();
        foreach (string line in header.Split('\n')) text.Append("# ").Append(line).Append('\n');
        text.Append(_forgotten);
        foreach (TranscriptEntry entry in _entries) Append(text, entry);
        return text.ToString();
    }

    /// <summary>A stopped training is written with the epochs it finished, so the script
    /// runs what the session ran.</summary>
    static void Append(StringBuilder text, TranscriptEntry entry)
    {
        string statement = entry.Text.Replace("\r\n", "\n");
        if (entry.StoppedAfter is { } epochs)
        {
            // A partial epoch cannot be written; one stopped in its first runs that epoch in full.
            text.Append(epochs == 0
                ? "# stopped by the user during its first epoch; written with that one epoch\n"
                : $"# stopped by the user after {epochs} epoch{(epochs == 1 ? "" : "s")}; written with the epochs that ran "
                    + "(a schedule spans these epochs, so its learning rates differ from the stopped run's)\n");
            statement = WithEpochs(statement, Math.Max(1, epochs));
        }
        text.Append(statement).Append('\n');
    }

    /// <summary>The statement with `epochs=N` (replaced, or added before a trailing comment).</summary>
    public static string WithEpochs(string statement, int epochs)
    {
        var argument = System.Text.RegularExpressions.Regex.Match(statement, @"(?<![\w])epochs\s*=\s*\d+");
        if (argument.Success) return statement[..argument.Index] + $"epochs={epochs}" + statement[(argument.Index + argument.Length)..];
        int end = statement.IndexOf('\n') is var n && n >= 0 ? n : statement.Length;
        int comment = statement.IndexOf('#');
        if (comment >= 0 && comment < end) end = comment;
        string head = statement[..end].TrimEnd();
        return head + $" epochs={epochs}" + (end < statement.Length ? " " + statement[end..].TrimStart(' ') : "");
    }

    /// <summary>Identifiers in statement text, outside strings and comments.</summary>
    internal static IEnumerable<(int Start, string Name)> Identifiers(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
                    if (text[i] == '\\') i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_')) i++;
                yield return (start, text[start..(i + 1)]);
            }
            else if (char.IsDigit(c))
            {
                // Skip a number with its exponent (`1e-3` is not the name `e`).
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '.')) i++;
            }
        }
    }
}

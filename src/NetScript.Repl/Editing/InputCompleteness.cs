namespace NetScript.Repl.Editing;

/// <summary>Decides whether Enter runs the input or continues it on a new line, the way
/// Python's REPL does: input continues while a `{`, `[` or `(` is open or the last token
/// is `->` or `,` (where the grammar lets a statement go on to the next line). Input with a
/// `search` also continues after the search block until a `train` line (a trial is the
/// statements after the search through its training, and they must come in the same
/// submission) or an empty line, which runs what is there, as an empty line ends a block
/// in Python's REPL.</summary>
public static class InputCompleteness
{
    public static bool IsComplete(string text) => IsBalanced(text) && TrialEnded(text);

    /// <summary>No `search` line, or a `train` line after the last one, or an empty last line.</summary>
    static bool TrialEnded(string text)
    {
        string[] lines = text.Split('\n').Select(l => (l.IndexOf('#') is var hash and >= 0 ? l[..hash] : l).Trim()).ToArray();
        int search = Array.FindLastIndex(lines, l => Starts(l, "search"));
        return search < 0 || lines.Skip(search + 1).Any(l => Starts(l, "train")) || (lines.Length > search + 1 && lines[^1].Length == 0);
    }

    static bool Starts(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] == ' ');

    static bool IsBalanced(string text)
    {
        int depth = 0;
        char last = '\0';
        char beforeLast = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                continue;
            }
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
                    if (text[i] == '\\') i++;
                beforeLast = last;
                last = '"';
                continue;
            }
            if (c is '{' or '[' or '(') depth++;
            else if (c is '}' or ']' or ')') depth--;
            if (!char.IsWhiteSpace(c))
            {
                beforeLast = last;
                last = c;
            }
        }
        bool continues = last == ',' || last == '>' && beforeLast == '-';
        return depth <= 0 && !continues;
    }
}

namespace NetScript.Repl.Editing;

/// <summary>Decides whether Enter runs the input or continues it on a new line, the way
/// Python's REPL does: input continues while a `{`, `[` or `(` is open or the last token
/// is `->` or `,` (where the grammar lets a statement go on to the next line).</summary>
public static class InputCompleteness
{
    public static bool IsComplete(string text)
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

namespace NetScript.Language.Syntax;

/// <summary>Finds where a broken statement ends, so parsing can resume after it: the first
/// line break or `;` at brace depth zero, at or after the error. Strings and comments are
/// skipped so their braces do not count. An unclosed `{` must not swallow the rest of the
/// script, so a later line that starts in column 1 with a statement keyword also ends it.</summary>
internal static class StatementBoundary
{
    public static int After(string text, int statementStart, int errorOffset, Func<string, bool> isStatementKeyword)
    {
        int depth = 0;
        int i = statementStart;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i);
                continue;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (i >= errorOffset && i > statementStart && (c == '\n' || c == '\r'))
            {
                if (depth == 0 || StartsStatement(text, i + 1, isStatementKeyword)) return i;
            }
            else if (depth == 0 && i >= errorOffset && i > statementStart && c == ';')
                return i;
            i++;
        }
        return text.Length;
    }

    static bool StartsStatement(string text, int lineStart, Func<string, bool> isStatementKeyword)
    {
        if (lineStart < text.Length && text[lineStart] == '\n') lineStart++; // CRLF
        int end = lineStart;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '_')) end++;
        return end > lineStart && isStatementKeyword(text[lineStart..end]);
    }

    // A string ends at its closing quote or at the end of the line (unterminated).
    static int SkipString(string text, int i)
    {
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n' && text[i] != '\r')
            i += text[i] == '\\' ? 2 : 1;
        return Math.Min(text.Length, i < text.Length && text[i] == '"' ? i + 1 : i);
    }
}

namespace NetScript.Language.Syntax;

/// <summary>Finds where a broken statement (or block item) ends, so parsing can resume after it:
/// the first line break or `;` outside braces at or after the error; for a block item also the
/// `}` that closes its block. Strings, comments and C# snippets are skipped so their braces do
/// not count. An unclosed `{` must not swallow the rest of the script, so a line that starts in
/// column 1 with a statement keyword (or a `:command`) ends it too.</summary>
internal static class RecoveryBoundary
{
    public static int After(string text, int start, int errorOffset, bool insideBlock)
    {
        // The error is the start of the next statement: the broken one ended just before it.
        if (errorOffset > start && StartsStatementLine(text, errorOffset)) return errorOffset;
        if (errorOffset >= text.Length) return text.Length;

        int depth = 0;
        int i = start;
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
            if (c == '{' && SnippetEnd(text, i) is { } afterSnippet)
            {
                i = afterSnippet;
                continue;
            }
            bool eligible = i >= errorOffset && i > start;
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0 && insideBlock && i >= errorOffset) return i;
                depth = Math.Max(0, depth - 1);
            }
            else if (eligible && c is '\n' or '\r')
            {
                if (depth == 0 || StartsStatementLine(text, LineAfter(text, i))) return i;
            }
            else if (eligible && depth == 0 && c == ';')
            {
                return i;
            }
            i++;
        }
        return text.Length;
    }

    /// <summary>True when <paramref name="offset"/> is the first column of a line that starts
    /// with a statement keyword or a `:command`.</summary>
    public static bool StartsStatementLine(string text, int offset)
    {
        if (offset >= text.Length || offset > 0 && text[offset - 1] is not ('\n' or '\r')) return false;
        if (text[offset] == ':') return true;
        int end = offset;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        return end > offset && SyntaxFacts.IsStatementKeyword(text[offset..end])
            && (end == text.Length || !char.IsLetterOrDigit(text[end]) && text[end] != '_');
    }

    static int LineAfter(string text, int lineBreak) =>
        text[lineBreak] == '\r' && lineBreak + 1 < text.Length && text[lineBreak + 1] == '\n' ? lineBreak + 2 : lineBreak + 1;

    /// <summary>For the `{` of `csharp {`, the offset after its matching `}`; null for any other
    /// brace or when the snippet is unterminated (then braces count as usual).</summary>
    static int? SnippetEnd(string text, int brace)
    {
        int j = brace - 1;
        while (j >= 0 && text[j] is ' ' or '\t') j--;
        const string Word = "csharp";
        int wordStart = j - Word.Length + 1;
        if (wordStart < 0 || string.CompareOrdinal(text, wordStart, Word, 0, Word.Length) != 0) return null;
        if (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '_')) return null;
        var scan = CSharpSnippetScanner.FindClose(text, brace);
        return scan.Succeeded ? scan.Close + 1 : null;
    }

    /// <summary>A string ends at its closing quote or at the end of the line (unterminated).</summary>
    static int SkipString(string text, int i)
    {
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n' && text[i] != '\r')
            i += text[i] == '\\' ? 2 : 1;
        return Math.Min(text.Length, i < text.Length && text[i] == '"' ? i + 1 : i);
    }
}

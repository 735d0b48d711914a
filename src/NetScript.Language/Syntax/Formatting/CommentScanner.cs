using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>Finds the comments of a parsed script: a `#` outside strings and C# snippets starts
/// one, up to the end of its line. (The AST holds no comments; the formatter re-attaches
/// these to the lines it prints.)</summary>
internal static class CommentScanner
{
    public static List<SourceComment> Scan(ScriptSyntax syntax)
    {
        string text = syntax.Source.Text;
        var snippets = syntax.Statements
            .Select(s => s switch
            {
                LossStatement { Definition: CSharpSnippet c } => c.CodeSpan,
                MetricStatement { Definition: CSharpSnippet c } => c.CodeSpan,
                LayerStatement { Definition: CSharpSnippet c } => c.CodeSpan,
                _ => (TextSpan?)null,
            })
            .OfType<TextSpan>()
            .ToList();
        var comments = new List<SourceComment>();
        int snippet = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (snippet < snippets.Count && i >= snippets[snippet].Start)
            {
                i = Math.Max(i, snippets[snippet].End);
                snippet++;
                continue;
            }
            char c = text[i];
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] is not ('"' or '\n' or '\r')) i += text[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (c == '#')
            {
                int end = i;
                while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
                comments.Add(new SourceComment(i, text[i..end].TrimEnd(), IsAloneOnLine(text, i)));
                i = end;
                continue;
            }
            i++;
        }
        return comments;
    }

    static bool IsAloneOnLine(string text, int offset)
    {
        for (int j = offset - 1; j >= 0; j--)
        {
            if (text[j] is '\n' or '\r') return true;
            if (text[j] is not (' ' or '\t' or '\f' or '\v')) return false;
        }
        return true;
    }
}

using System.Text;

namespace NetScript.Language.Syntax;

/// <summary>Puts a script's comments back among the formatted lines:
/// <list type="bullet">
/// <item>a comment after code on a line stays after that code (<c>dense 3  # logits</c>);</item>
/// <item>a comment on its own line stays on its own line, before the code that followed it,
/// indented like that code (inside a block when it stood before the block's `}`);</item>
/// <item>a comment inside code that the layout joins onto one line (a list spread over lines, a
/// chain continued after `->`) moves to its own line just above that line.</item>
/// </list>
/// Blank lines survive where the source had at least one, never more than one.</summary>
internal static class CommentPlacer
{
    const string Indentation = "  ";

    public static string Render(string source, IReadOnlyList<FormattedLine> lines, List<SourceComment> comments)
    {
        var before = new List<SourceComment>[lines.Count];
        var inside = new List<SourceComment>[lines.Count];
        var after = new SourceComment?[lines.Count];
        var tail = new List<SourceComment>();
        for (int i = 0; i < lines.Count; i++)
        {
            before[i] = new();
            inside[i] = new();
        }

        foreach (SourceComment comment in comments)
        {
            int line = LastStartingAtOrBefore(lines, comment.Offset);
            if (line >= 0 && comment.Offset < lines[line].To)
                inside[line].Add(comment);
            else if (!comment.OwnLine && line >= 0 && after[line] is null && !HasLineBreak(source, lines[line].To, comment.Offset))
                after[line] = comment;
            else if (line + 1 < lines.Count)
                before[line + 1].Add(comment);
            else
                tail.Add(comment);
        }

        var output = new StringBuilder();
        bool blockStart = true; // no blank line at the top of the file or of a block
        for (int i = 0; i < lines.Count; i++)
        {
            FormattedLine line = lines[i];
            string commentIndent = Indent(line.Closer ? line.Indent + 1 : line.Indent);
            foreach (SourceComment comment in before[i])
            {
                if (!blockStart && BlankLineBefore(source, comment.Offset)) output.Append('\n');
                output.Append(commentIndent).Append(comment.Text).Append('\n');
                blockStart = false;
            }
            bool blank = !blockStart && !line.Closer && BlankLineBefore(source, line.From);
            foreach (SourceComment comment in inside[i])
            {
                if (blank) output.Append('\n');
                blank = false;
                output.Append(Indent(line.Indent)).Append(comment.Text).Append('\n');
            }
            if (blank) output.Append('\n');
            output.Append(Indent(line.Indent)).Append(line.Code);
            if (after[i] is { } trailing) output.Append("  ").Append(trailing.Text);
            output.Append('\n');
            blockStart = line.Opener;
        }
        foreach (SourceComment comment in tail)
        {
            if (!blockStart && BlankLineBefore(source, comment.Offset)) output.Append('\n');
            output.Append(comment.Text).Append('\n');
            blockStart = false;
        }
        return output.ToString();
    }

    static string Indent(int level) => string.Concat(Enumerable.Repeat(Indentation, level));

    static int LastStartingAtOrBefore(IReadOnlyList<FormattedLine> lines, int offset)
    {
        int low = 0, high = lines.Count - 1, found = -1;
        while (low <= high)
        {
            int mid = (low + high) / 2;
            if (lines[mid].From <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }

    static bool HasLineBreak(string text, int from, int to)
    {
        for (int i = Math.Max(0, from); i < to && i < text.Length; i++)
            if (text[i] is '\n' or '\r') return true;
        return false;
    }

    /// <summary>True when <paramref name="offset"/> starts its line (after blanks) and the line
    /// above it is empty.</summary>
    static bool BlankLineBefore(string text, int offset)
    {
        int j = offset - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '\f' or '\v') j--;
        if (j < 0 || text[j] is not ('\n' or '\r')) return false;
        if (text[j] == '\n' && j > 0 && text[j - 1] == '\r') j--;
        j--;
        while (j >= 0 && text[j] is ' ' or '\t' or '\f' or '\v') j--;
        return j >= 0 && text[j] is '\n' or '\r';
    }
}

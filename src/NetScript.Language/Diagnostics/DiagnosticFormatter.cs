using System.Text;
using NetScript.Language.Text;

namespace NetScript.Language.Diagnostics;

/// <summary>Renders diagnostics the way compilers do:
/// <code>
/// file.nns:3:7: error NS0101: unknown layer `dens`; did you mean `dense`?
///     3 |   dens 100 -> relu
///       |   ^^^^
/// </code></summary>
public static class DiagnosticFormatter
{
    public static string FormatHeader(Diagnostic diagnostic)
    {
        string severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        string where = diagnostic.Source is null
            ? ""
            : $"{diagnostic.Source.Path}:{diagnostic.Location}: ";
        return $"{where}{severity} {diagnostic.Id}: {diagnostic.Message}";
    }

    /// <summary>Header, the source line and a caret line under the span.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var builder = new StringBuilder(FormatHeader(diagnostic));
        SourceText? source = diagnostic.Source;
        if (source is null || source.Length == 0 && diagnostic.Span.Length == 0) return builder.ToString();

        TextLocation start = source.GetLocation(diagnostic.Span.Start);
        string line = ExpandTabs(source.GetLineText(start.Line));
        int lineEndOffset = source.GetLineStart(start.Line) + source.GetLineText(start.Line).Length;
        int endOffset = Math.Min(diagnostic.Span.End, lineEndOffset);
        int endColumn = source.GetLocation(endOffset).Column;
        int width = Math.Max(1, endColumn - start.Column);
        int caret = start.Column - 1;
        (line, caret, width) = Window(line, caret, width);
        string gutter = start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string pad = new(' ', gutter.Length);
        builder.Append('\n').Append(' ').Append(gutter).Append(" | ").Append(line);
        builder.Append('\n').Append(' ').Append(pad).Append(" | ")
            .Append(new string(' ', caret)).Append(new string('^', width));
        return builder.ToString();
    }

    const int MaxShownColumns = 160;

    /// <summary>A long line is cut to a window around the caret, marked with `…`.</summary>
    static (string Line, int Caret, int Width) Window(string line, int caret, int width)
    {
        if (line.Length <= MaxShownColumns) return (line, caret, width);
        int from = Math.Clamp(caret - 40, 0, Math.Max(0, line.Length - MaxShownColumns));
        int to = Math.Min(line.Length, from + MaxShownColumns);
        string shown = (from > 0 ? "…" : "") + line[from..to] + (to < line.Length ? "…" : "");
        int shift = from > 0 ? 1 : 0;
        int newCaret = caret - from + shift;
        return (shown, newCaret, Math.Max(1, Math.Min(width, to - caret)));
    }

    public static string FormatAll(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(Format));

    static string ExpandTabs(string line)
    {
        if (!line.Contains('\t')) return line;
        var builder = new StringBuilder();
        foreach (char c in line)
        {
            if (c == '\t') builder.Append(' ', 4 - builder.Length % 4);
            else builder.Append(c);
        }
        return builder.ToString();
    }
}

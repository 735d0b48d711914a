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
        string gutter = start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string pad = new(' ', gutter.Length);
        builder.Append('\n').Append(' ').Append(gutter).Append(" | ").Append(line);
        builder.Append('\n').Append(' ').Append(pad).Append(" | ")
            .Append(new string(' ', start.Column - 1)).Append(new string('^', width));
        return builder.ToString();
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

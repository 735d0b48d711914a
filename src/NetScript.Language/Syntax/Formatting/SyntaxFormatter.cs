namespace NetScript.Language.Syntax;

/// <summary>Prints a script in the canonical layout (`netscript fmt`): one statement per line,
/// top-level blocks one item per line indented by two spaces, short nested blocks inline
/// (<c>residual { dense 4; dense 4 }</c>), single spaces, <c>name=value</c> arguments, numbers as
/// written, C# snippets verbatim, at most one blank line where the source had any, LF line
/// ends. Comments are kept: see <see cref="CommentPlacer"/>. Idempotent, and the result
/// parses to the same syntax tree.</summary>
public static class SyntaxFormatter
{
    /// <summary>A nested block is printed inline when its line stays within this width.</summary>
    public const int MaxWidth = 100;

    /// <summary>Formats a script that parsed without errors (a broken script has no canonical
    /// form; report its diagnostics instead).</summary>
    public static string Format(ScriptSyntax syntax)
    {
        if (!syntax.Diagnostics.IsEmpty || syntax.Statements.Any(s => s is ErrorStatement))
            throw new ArgumentException("only a script without syntax errors can be formatted", nameof(syntax));
        List<SourceComment> comments = CommentScanner.Scan(syntax);
        var writer = new LineWriter();
        var printer = new FormatPrinter(writer, comments.Select(c => c.Offset).ToArray());
        foreach (Statement statement in syntax.Statements)
            printer.Statement(statement);
        return CommentPlacer.Render(syntax.Source.Text, writer.Lines, comments);
    }
}

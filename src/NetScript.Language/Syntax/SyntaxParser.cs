using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace NetScript.Language.Syntax;

/// <summary>Parses a script into statements. A statement that fails to parse is reported and
/// skipped up to the next statement boundary (a line break or `;` outside braces), and a broken
/// item inside a block up to the next item, so one script reports all its syntax errors.</summary>
public static class SyntaxParser
{
    public static IReadOnlyCollection<string> StatementKeywords { get; } =
        SyntaxFacts.StatementKeywords.Order(StringComparer.Ordinal).ToArray();

    public static ScriptSyntax Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag(source);
        using ParseContext.Scope scope = ParseContext.Enter(source.Text);
        ParseContext context = ParseContext.Current!;
        Parser<char, Statement> statement = CurrentOffset.Bind(start =>
        {
            int itemErrorsBefore = context.ItemErrors.Count;
            return StatementGrammar.Statement
                .RecoverWith(error => Recover(source, start, error, diagnostics, context.ItemErrors.Count > itemErrorsBefore))
                .Select(parsed => WithItemErrors(source, parsed, context, itemErrorsBefore, diagnostics));
        });
        var script = TokenGrammar.Separators
            .Then(Not(End).Then(statement).Before(TokenGrammar.Separators).Many())
            .Before(End);
        var statements = script.Parse(source.Text).Match(
            ok => ok.ToImmutableArray(),
            error =>
            {
                // Recovery always resumes at a boundary, so this is unreachable for any input;
                // report rather than crash if a grammar change ever breaks that.
                diagnostics.Report(DiagnosticCatalog.SyntaxError, new TextSpan(Math.Clamp(error.ErrorOffset, 0, source.Length), 0),
                    ParseErrorText.DescribeUnexpected(source, error.ErrorOffset), "a statement");
                return ImmutableArray<Statement>.Empty;
            });
        // The same mistake can surface at two levels (an unclosed inner and outer block).
        var distinct = diagnostics.ToList().DistinctBy(d => (d.Id, d.Span, d.Message)).ToImmutableArray();
        return new ScriptSyntax(source, statements, distinct);
    }

    static Parser<char, Statement> Recover(SourceText source, int start, ParseError<char> error, DiagnosticBag diagnostics, bool itemsFailed)
    {
        Identifier keyword = ReadWord(source, start);
        int at = Math.Clamp(error.ErrorOffset, start, source.Length);
        if (itemsFailed && at > start && RecoveryBoundary.StartsStatementLine(source.Text, at))
        {
            // A block whose items already failed ran into the next statement: its missing `}`
            // is most likely the same mistake (`)` typed for `}`), so it is not reported again.
        }
        else if (keyword.Text.Length > 0 && !SyntaxFacts.IsStatementKeyword(keyword.Text))
        {
            diagnostics.Report(DiagnosticCatalog.UnknownStatement, keyword.Span, keyword.Text,
                Suggestions.DidYouMean(keyword.Text, SyntaxFacts.StatementKeywords));
        }
        else
        {
            ParseErrorText.Report(source, start, error, diagnostics,
                atStart: "a statement such as `model`, `train` or `load`");
        }
        int resume = RecoveryBoundary.After(source.Text, start, at, insideBlock: false);
        return CurrentOffset.Bind(current =>
            Any.Repeat(Math.Max(0, resume - current))
                .Select(_ => (Statement)new ErrorStatement(keyword, Declarations.Guess(keyword.Text, source.Text[start..Math.Max(start, resume)]),
                    TextSpan.FromBounds(start, Math.Max(start, resume)))));
    }

    /// <summary>A statement whose block items failed is reported item by item and then kept as
    /// an <see cref="ErrorStatement"/>, so the checker does not see a half-parsed block.</summary>
    static Statement WithItemErrors(SourceText source, Statement parsed, ParseContext context, int before, DiagnosticBag diagnostics)
    {
        if (context.ItemErrors.Count == before) return parsed;
        foreach (var (itemStart, error) in context.ItemErrors.Skip(before))
            ParseErrorText.Report(source, itemStart, error, diagnostics, atStart: "an operation such as `dense 10`");
        context.ItemErrors.RemoveRange(before, context.ItemErrors.Count - before);
        if (parsed is ErrorStatement) return parsed;
        string text = source.ToString(parsed.Span);
        return new ErrorStatement(parsed.Keyword, Declarations.Guess(parsed.Keyword.Text, text), parsed.Span);
    }

    static Identifier ReadWord(SourceText source, int start)
    {
        int end = start;
        if (end < source.Length && (char.IsLetter(source[end]) || source[end] == '_'))
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_')) end++;
        return new Identifier(source.Text[start..end], TextSpan.FromBounds(start, end));
    }
}

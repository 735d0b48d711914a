using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace NetScript.Language.Syntax;

/// <summary>Parses a script into statements. A statement that fails to parse is reported and
/// skipped up to the next statement boundary (a line break or `;` outside braces), so one
/// script reports all its syntax errors.</summary>
public static class SyntaxParser
{
    public static IReadOnlyCollection<string> StatementKeywords { get; } =
        StatementGrammar.StatementKeywords.Order(StringComparer.Ordinal).ToArray();

    public static ScriptSyntax Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag(source);
        Parser<char, Statement> statement = CurrentOffset.Bind(start =>
            StatementGrammar.Statement.RecoverWith(error => Recover(source, start, error, diagnostics)));
        var script = TokenGrammar.Separators
            .Then(Not(End).Then(statement).Before(TokenGrammar.Separators).Many())
            .Before(End);
        var statements = script.Parse(source.Text).Match(
            ok => ok.ToImmutableArray(),
            error =>
            {
                // Recovery always resumes at a boundary, so this is unreachable for any input;
                // report rather than crash if a grammar change ever breaks that.
                diagnostics.Report(DiagnosticCatalog.SyntaxError, new TextSpan(error.ErrorOffset, 0),
                    DescribeUnexpected(source, error.ErrorOffset), "a statement");
                return ImmutableArray<Statement>.Empty;
            });
        return new ScriptSyntax(source, statements, diagnostics.ToList().ToImmutableArray());
    }

    static Parser<char, Statement> Recover(SourceText source, int start, ParseError<char> error, DiagnosticBag diagnostics)
    {
        Identifier keyword = ReadWord(source, start);
        if (keyword.Text.Length > 0 && !StatementGrammar.StatementKeywords.Contains(keyword.Text))
        {
            diagnostics.Report(DiagnosticCatalog.UnknownStatement, keyword.Span, keyword.Text,
                Suggestions.DidYouMean(keyword.Text, StatementGrammar.StatementKeywords));
        }
        else
        {
            int at = Math.Clamp(error.ErrorOffset, 0, source.Length);
            string unexpected = DescribeUnexpected(source, at) + (at > start ? PreviousToken(source, start, at) : "");
            string expected = at == start ? "a statement such as `model`, `train` or `load`" : DescribeExpected(error);
            diagnostics.Report(DiagnosticCatalog.SyntaxError, TokenSpanAt(source, at), unexpected, expected);
        }
        int resume = StatementBoundary.After(source.Text, start, Math.Max(start, error.ErrorOffset), StatementGrammar.StatementKeywords.Contains);
        return CurrentOffset.Bind(current =>
            Any.Repeat(Math.Max(0, resume - current))
                .Select(_ => (Statement)new ErrorStatement(keyword, GuessDeclarations(keyword.Text, source.Text[start..resume]), TextSpan.FromBounds(start, resume))));
    }

    static readonly Regex ModelName = new(@"^model\s+([A-Za-z_]\w*)", RegexOptions.CultureInvariant);
    static readonly Regex Alias = new(@"\bas\s+([A-Za-z_]\w*)", RegexOptions.CultureInvariant);
    static readonly Regex SplitParts = new(@"([A-Za-z_]\w*)\s*=", RegexOptions.CultureInvariant);

    /// <summary>Best-effort names a broken statement meant to define.</summary>
    static ImmutableArray<string> GuessDeclarations(string keyword, string text)
    {
        IEnumerable<Match> matches = keyword switch
        {
            "model" => ModelName.Matches(text),
            "load" => Alias.Matches(text),
            "split" => text.Contains(" into ", StringComparison.Ordinal) ? SplitParts.Matches(text[text.IndexOf(" into ", StringComparison.Ordinal)..]) : [],
            _ => [],
        };
        return matches.Select(m => m.Groups[1].Value).ToImmutableArray();
    }

    static Identifier ReadWord(SourceText source, int start)
    {
        int end = start;
        if (end < source.Length && (char.IsLetter(source[end]) || source[end] == '_'))
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_')) end++;
        return new Identifier(source.Text[start..end], TextSpan.FromBounds(start, end));
    }

    internal static TextSpan TokenSpanAt(SourceText source, int offset)
    {
        if (offset >= source.Length) return new TextSpan(source.Length, 0);
        char c = source[offset];
        int end = offset + 1;
        if (c == '-' && end < source.Length && source[end] == '>') end++;
        if (char.IsLetterOrDigit(c) || c == '_')
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_' || source[end] == '.')) end++;
        return TextSpan.FromBounds(offset, end);
    }

    static string DescribeUnexpected(SourceText source, int offset)
    {
        if (offset >= source.Length) return "end of input";
        char c = source[offset];
        if (c is '\n' or '\r') return "end of line";
        return $"`{source.ToString(TokenSpanAt(source, offset))}`";
    }

    /// <summary>" after `x`": the token before the error, so "unexpected end of line after
    /// `seed`" says where something is missing.</summary>
    static string PreviousToken(SourceText source, int start, int at)
    {
        int end = at;
        while (end > start && source[end - 1] is ' ' or '\t' or '\r' or '\n') end--;
        if (end == start) return "";
        int begin = end - 1;
        if (char.IsLetterOrDigit(source[begin]) || source[begin] is '_' or '.')
            while (begin > start && (char.IsLetterOrDigit(source[begin - 1]) || source[begin - 1] is '_' or '.')) begin--;
        return $" after `{source.Text[begin..end]}`";
    }

    // Tokens that can start a value; when all are expected, say "a value" instead.
    static readonly string[] ValueStarts = ["number", "string", "name", "`[`", "`-`", "`$`"];

    static string DescribeExpected(ParseError<char> error)
    {
        var labels = error.Expected
            .Select(e => e.IsEof ? "end of input" : e.Label ?? $"`{string.Concat(e.Tokens)}`")
            .Where(l => l != "unknown statement")
            .ToHashSet();
        if (labels.Contains("number") && labels.Contains("string"))
        {
            labels.ExceptWith(ValueStarts);
            labels.Add("a value");
        }
        if (labels.Remove("name")) labels.Add("a name");
        var ordered = labels.Order(StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return "the rest of the statement";
        if (ordered.Count == 1) return ordered[0];
        return string.Join(", ", ordered.Take(ordered.Count - 1)) + " or " + ordered[^1];
    }
}

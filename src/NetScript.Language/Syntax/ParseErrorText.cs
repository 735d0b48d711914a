using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using Pidgin;

namespace NetScript.Language.Syntax;

/// <summary>Turns a Pidgin parse error into a catalog diagnostic: "unexpected X after `y`;
/// expected Z", or the specific message of a nesting or snippet failure.</summary>
internal static class ParseErrorText
{
    public static void Report(SourceText source, int start, ParseError<char> error, DiagnosticBag diagnostics, string atStart)
    {
        int at = Math.Clamp(error.ErrorOffset, 0, source.Length);
        switch (error.Message)
        {
            case NestingGuard<Expression>.TooDeep:
                diagnostics.Report(DiagnosticCatalog.NestingTooDeep, TokenSpanAt(source, at), SyntaxFacts.MaxNesting);
                return;
            case SnippetParser.Unclosed:
                diagnostics.Report(DiagnosticCatalog.UnclosedSnippet, new TextSpan(at, Math.Min(1, source.Length - at)));
                return;
            case { } message when message.StartsWith(SnippetParser.UnterminatedPrefix, StringComparison.Ordinal):
                diagnostics.Report(DiagnosticCatalog.UnterminatedInSnippet, new TextSpan(at, Math.Min(1, source.Length - at)),
                    message[SnippetParser.UnterminatedPrefix.Length..]);
                return;
        }
        string unexpected = DescribeUnexpected(source, at) + (at > start ? PreviousToken(source, start, at) : "");
        string expected = at == start ? atStart : DescribeExpected(error);
        diagnostics.Report(DiagnosticCatalog.SyntaxError, TokenSpanAt(source, at), unexpected, expected);
    }

    public static TextSpan TokenSpanAt(SourceText source, int offset)
    {
        if (offset >= source.Length) return new TextSpan(source.Length, 0);
        char c = source[offset];
        int end = offset + 1;
        if (char.IsHighSurrogate(c) && end < source.Length && char.IsLowSurrogate(source[end])) end++;
        if (c == '-' && end < source.Length && source[end] == '>') end++;
        if (char.IsLetterOrDigit(c) || c == '_')
        {
            // A word, capped so a diagnostic on a huge token stays readable.
            while (end < source.Length && end - offset < 80 && (char.IsLetterOrDigit(source[end]) || source[end] == '_' || source[end] == '.')) end++;
        }
        return TextSpan.FromBounds(offset, end);
    }

    public static string DescribeUnexpected(SourceText source, int offset)
    {
        if (offset >= source.Length) return "end of input";
        char c = source[offset];
        if (c is '\n' or '\r') return "end of line";
        if (c == ' ') return "space";
        if (c == '\t') return "tab";
        if (char.IsControl(c) || char.IsSurrogate(c) && source.ToString(TokenSpanAt(source, offset)).Length == 1 || c == '\uFEFF')
            return "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
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
            while (begin > start && end - begin < 80 && (char.IsLetterOrDigit(source[begin - 1]) || source[begin - 1] is '_' or '.')) begin--;
        string token = source.Text[begin..end];
        if (token.Any(char.IsControl) || token.Any(char.IsSurrogate)) return "";
        return $" after `{token}`";
    }

    // Tokens that can start a value; when all are expected, say "a value" instead.
    static readonly string[] ValueStarts = ["number", "string", "name", "`[`", "`-`", "`$`", "`*`", "`?`"];

    static string DescribeExpected(ParseError<char> error)
    {
        var labels = error.Expected
            .Select(e => e.IsEof ? "end of input" : e.Label ?? $"`{string.Concat(e.Tokens)}`")
            .Where(l => l is not ("unknown statement" or "``"))
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

using System.Globalization;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace NetScript.Language.Syntax;

/// <summary>The .nns grammar as Pidgin parsers. Layout: tokens skip the blanks and comments
/// that follow them on the same line; line breaks are significant (they end statements and
/// block items) except inside brackets and after <c>-&gt;</c> or <c>,</c>. Only leaf tokens
/// are labelled, so errors list what was really expected. The authoritative grammar is
/// grammar/netscript.ebnf.</summary>
internal static class TokenGrammar
{
    internal static readonly Parser<char, Unit> Blank =
        OneOf(Char(' '), Char('\t'), Char('\f'), Char('\v')).SkipAtLeastOnce();

    internal static readonly Parser<char, Unit> Comment =
        Char('#').Then(AnyCharExcept('\r', '\n').SkipMany());

    internal static readonly Parser<char, Unit> LineBreak =
        Char('\n').IgnoreResult()
            .Or(Char('\r').Then(Char('\n').Optional()).IgnoreResult())
            .Labelled("end of line");

    /// <summary>Blanks and comments on the current line.</summary>
    internal static readonly Parser<char, Unit> Trivia = Blank.Or(Comment).SkipMany();

    /// <summary>Blanks, comments and line breaks (inside brackets, after `-&gt;`).</summary>
    internal static readonly Parser<char, Unit> TriviaNl = Blank.Or(Comment).Or(LineBreak).SkipMany();

    /// <summary>Anything that separates statements or block items: trivia, line breaks, `;`.</summary>
    internal static readonly Parser<char, Unit> Separators =
        Blank.Or(Comment).Or(LineBreak).Or(Char(';').IgnoreResult()).SkipMany();

    internal static readonly Parser<char, Unit> ItemSeparator =
        LineBreak.Or(Char(';').Labelled("`;`").IgnoreResult());

    internal static Parser<char, T> Tok<T>(Parser<char, T> token) => token.Before(Trivia);

    internal static Parser<char, TextSpan> Sym(string symbol) =>
        Tok(Map((s, _, e) => TextSpan.FromBounds(s, e), CurrentOffset, Try(String(symbol)).Labelled($"`{symbol}`"), CurrentOffset));

    internal static readonly Parser<char, char> NameStart = Letter.Or(Char('_'));

    internal static readonly Parser<char, char> NamePart = LetterOrDigit.Or(Char('_'));

    /// <summary>A name without the trivia after it.</summary>
    internal static readonly Parser<char, Identifier> RawIdent =
        Map(
            (s, text, e) => new Identifier(text, TextSpan.FromBounds(s, e)),
            CurrentOffset,
            Map((h, t) => h + t, NameStart.Labelled("name"), NamePart.ManyString()),
            CurrentOffset);

    internal static readonly Parser<char, Identifier> Ident = Tok(RawIdent);

    /// <summary>A name that errors describe by its role: "expected a model name".</summary>
    internal static Parser<char, Identifier> Named(string role) => Ident.Labelled(role);

    /// <summary>A contextual keyword such as `as` or `on`; not reserved elsewhere.</summary>
    internal static Parser<char, Identifier> Keyword(string word) =>
        Tok(Try(Map(
            (s, _, e) => new Identifier(word, TextSpan.FromBounds(s, e)),
            CurrentOffset,
            String(word).Before(Not(NamePart)),
            CurrentOffset)).Labelled($"`{word}`"));

    internal static readonly Parser<char, string> Digits = Digit.AtLeastOnceString();

    internal static readonly Parser<char, string> FractionPart =
        Char('.').Then(Digit.Labelled("digit after `.`").AtLeastOnceString(), (_, d) => "." + d);

    internal static readonly Parser<char, string> ExponentPart = Try(Map(
        (e, sign, d) => e + (sign.HasValue ? sign.Value.ToString() : "") + d,
        OneOf(Char('e'), Char('E')),
        OneOf(Char('+'), Char('-')).Optional(),
        Digits));

    // Unsigned: a minus is a prefix operator (Pidgin's Real would swallow it, and `3.`).
    internal static readonly Parser<char, NumberLiteral> Number =
        Tok(Map(
            (s, text, e) => new NumberLiteral(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text, TextSpan.FromBounds(s, e)),
            CurrentOffset,
            Map(
                (i, f, x) => i + f.GetValueOrDefault("") + x.GetValueOrDefault(""),
                Digit.Labelled("number").Then(Digit.ManyString(), (h, t) => h + t),
                FractionPart.Optional(),
                ExponentPart.Optional()).Before(Not(NameStart).Labelled("space after number")),
            CurrentOffset));

    internal static readonly Parser<char, char> EscapedChar =
        Char('\\').Then(OneOf(
            Char('"'),
            Char('\\'),
            Char('n').ThenReturn('\n'),
            Char('t').ThenReturn('\t')).Labelled("escape (\\\", \\\\, \\n or \\t)"));

    internal static readonly Parser<char, StringLiteral> Str =
        Tok(Map(
            (s, value, e) => new StringLiteral(value, TextSpan.FromBounds(s, e)),
            CurrentOffset,
            Char('"').Labelled("string")
                .Then(AnyCharExcept('"', '\\', '\r', '\n').Or(EscapedChar).ManyString())
                .Before(Char('"').Labelled("closing `\"`")),
            CurrentOffset));
}

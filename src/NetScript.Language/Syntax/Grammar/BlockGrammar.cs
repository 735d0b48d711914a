using System.Collections.Immutable;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static NetScript.Language.Syntax.TokenGrammar;
using static NetScript.Language.Syntax.ExpressionGrammar;

namespace NetScript.Language.Syntax;

internal static class BlockGrammar
{
    internal static readonly Parser<char, Block> BlockParser = Rec(() =>
        Map(
            (open, items, close) => new Block(items.ToImmutableArray(), open.Union(close)),
            Sym("{").Before(Separators),
            Chain!.Before(ItemSeparator.Then(Separators).Or(Lookahead(Char('}')).IgnoreResult())).Many(),
            Sym("}")));

    internal static readonly Parser<char, Invocation> InvocationParser =
        Map(
            (name, args, body) => new Invocation(
                name,
                args,
                body.HasValue ? body.Value : null,
                body.HasValue ? name.Span.Union(body.Value.Span) : name.Span.Union(args.Span.Length > 0 ? args.Span : name.Span)),
            Ident,
            Arguments,
            BlockParser.Optional());

    internal static readonly Parser<char, TextSpan> Arrow = Sym("->").Before(TriviaNl);

    internal static readonly Parser<char, Chain> Chain =
        InvocationParser.Then(
            Arrow.Then(InvocationParser).Many(),
            (first, rest) =>
            {
                var links = rest.Prepend(first).ToImmutableArray();
                return new Chain(links, first.Span.Union(links[^1].Span));
            });
}

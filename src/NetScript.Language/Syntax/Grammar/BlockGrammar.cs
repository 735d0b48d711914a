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
    /// <summary>The first column of a line starting with a statement keyword: inside a block this
    /// means its `}` is missing, so the block ends there instead of swallowing the script.</summary>
    internal static readonly Parser<char, Unit> StatementLineStart =
        CurrentOffset.Assert(offset => ParseContext.Current is { } context && RecoveryBoundary.StartsStatementLine(context.Text, offset))
            .IgnoreResult();

    static readonly Parser<char, Unit> ItemEnd =
        ItemSeparator.Then(Separators).Or(Lookahead(Char('}')).IgnoreResult());

    /// <summary><c>{ item; item … }</c>, items separated by line breaks or `;`. An item that
    /// fails to parse is recorded and skipped up to the next item, so every broken item of a
    /// block is reported.</summary>
    internal static Parser<char, (ImmutableArray<T> Items, TextSpan Span)> Braced<T>(Parser<char, T> item)
        where T : class
    {
        Parser<char, T?> attempt = item.Before(ItemEnd).Select(x => (T?)x);
        Parser<char, T?> recovering = CurrentOffset.Bind(start => attempt.RecoverWith(error => RecoverItem<T>(start, error)));
        Parser<char, T?> next = Not(Lookahead(Char('}').IgnoreResult().Or(End).Or(StatementLineStart))).Then(recovering);
        return Map(
            (open, body) => (body.Items, open.Union(body.Close)),
            Sym("{"),
            Nested(Map(
                (_, items, close) => (Items: items.OfType<T>().ToImmutableArray(), Close: close),
                Separators,
                next.Many(),
                Sym("}"))));
    }

    static Parser<char, T?> RecoverItem<T>(int start, ParseError<char> error)
        where T : class
    {
        if (ParseContext.Current is not { } context) return Fail<T?>(error.Message ?? "syntax error");
        int at = Math.Clamp(error.ErrorOffset, 0, context.Text.Length);
        // An item that ran into the next statement's line means the block's `}` is missing;
        // the block reports that, not the item.
        if (!(at > start && RecoveryBoundary.StartsStatementLine(context.Text, at)))
            context.ItemErrors.Add((start, error));
        int resume = RecoveryBoundary.After(context.Text, start, at, insideBlock: true);
        return CurrentOffset.Bind(current => Any.Repeat(Math.Max(0, resume - current)))
            .Then(ItemSeparator.Then(Separators).Optional())
            .ThenReturn((T?)null);
    }

    internal static readonly Parser<char, Block> BlockParser = Rec(() =>
        Braced(Chain!).Select(b => new Block(b.Items, b.Span)));

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

    internal static readonly Parser<char, SearchParameter> SearchParameterParser =
        Map(
            (name, _, value) => new SearchParameter(name, value, name.Span.Union(value.Span)),
            Named("a parameter name"),
            Sym("="),
            Expr);

    internal static readonly Parser<char, SearchSpace> SearchSpaceParser =
        Braced(SearchParameterParser).Select(b => new SearchSpace(b.Items, b.Span));
}

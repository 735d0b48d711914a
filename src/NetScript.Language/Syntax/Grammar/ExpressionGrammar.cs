using System.Collections.Immutable;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static NetScript.Language.Syntax.TokenGrammar;

namespace NetScript.Language.Syntax;

internal static class ExpressionGrammar
{
    internal static readonly Parser<char, Expression> Expr = Rec(() => Product!);

    /// <summary>One nesting level deeper (see <see cref="NestingGuard{T}"/>).</summary>
    internal static Parser<char, T> Nested<T>(Parser<char, T> parser) => new NestingGuard<T>(parser);

    internal static readonly Parser<char, ArgumentList> CallArguments = Rec(() =>
        Map(
            (open, rest) => new ArgumentList(rest.Items, open.Union(rest.Close)),
            Sym("(").Before(TriviaNl),
            Nested(Map(
                (items, close) => (Items: items.ToImmutableArray(), Close: close),
                Argument!.Before(TriviaNl).Separated(Sym(",").Before(TriviaNl)),
                Sym(")")))));

    internal static readonly Parser<char, Expression> NameOrCall =
        Ident.Then(
            CallArguments.Optional(),
            (name, args) => args.HasValue
                ? new CallExpression(name, args.Value, name.Span.Union(args.Value.Span))
                : (Expression)new NameExpression(name));

    static readonly Parser<char, char> Wildcard = Char('*').Or(Char('?'));

    // `conv*`, `*_bn`, `dense:last`: name characters with wildcards and/or `:position`, no
    // spaces. Anything without `*`, `?` or `:` is an ordinary name, so Try rewinds.
    internal static readonly Parser<char, Expression> Pattern =
        Tok(Try(
            Map(
                (s, text, e) => (Expression)new PatternExpression(text, TextSpan.FromBounds(s, e)),
                CurrentOffset,
                Map(
                    (head, tail, position) => head + tail + position.GetValueOrDefault(""),
                    NameStart.Or(Wildcard),
                    NamePart.Or(Wildcard).ManyString(),
                    Char(':').Then(NamePart.AtLeastOnceString(), (colon, rest) => colon + rest).Optional())
                .Assert(text => text.AsSpan().IndexOfAny("*?:") >= 0),
                CurrentOffset)));

    internal static readonly Parser<char, Expression> ListLiteral =
        Map(
            (open, rest) => (Expression)new ListExpression(rest.Items, open.Union(rest.Close)),
            Sym("[").Before(TriviaNl),
            Nested(Map(
                (items, close) => (Items: items.ToImmutableArray(), Close: close),
                Expr.Before(TriviaNl).Separated(Sym(",").Before(TriviaNl)),
                Sym("]"))));

    internal static readonly Parser<char, Expression> Variable =
        Map(
            (dollar, name) => (Expression)new VariableExpression(name, dollar.Union(name.Span)),
            Map((s, _, e) => TextSpan.FromBounds(s, e), CurrentOffset, Char('$').Labelled("`$`"), CurrentOffset),
            Ident);

    internal static readonly Parser<char, Expression> Primary = OneOf(
        Number.Cast<Expression>(),
        Str.Cast<Expression>(),
        Variable,
        ListLiteral,
        Pattern,
        NameOrCall);

    // `-` but not the `->` of a chain.
    internal static readonly Parser<char, TextSpan> Minus =
        Tok(Try(Map((s, _, e) => TextSpan.FromBounds(s, e), CurrentOffset, Char('-').Labelled("`-`").Before(Not(Char('>'))), CurrentOffset)));

    internal static readonly Parser<char, Expression> Unary = Rec(() =>
        Minus.Then(Nested(Unary!), (minus, operand) => (Expression)new NegateExpression(operand, minus.Union(operand.Span)))
            .Or(Primary));

    // `1 epoch`, but not the argument name in `validate=val epochs=3`.
    internal static readonly Parser<char, Identifier> Unit =
        Try(Ident.Assert(id => SyntaxFacts.UnitWords.Contains(id.Text)).Before(Not(Try(Sym("=")))));

    internal static readonly Parser<char, Expression> Quantity =
        Unary.Then(
            Unit.Optional(),
            (amount, unit) => unit.HasValue
                ? new QuantityExpression(amount, unit.Value, amount.Span.Union(unit.Value.Span))
                : amount);

    internal static readonly Parser<char, BinaryOperator> MulOp =
        Sym("*").ThenReturn(BinaryOperator.Multiply).Or(Sym("/").ThenReturn(BinaryOperator.Divide));

    // Left-nested, so each operator is one level deeper for whatever walks the tree later:
    // more than MaxNesting operators in one product is reported like deep brackets.
    internal static readonly Parser<char, Expression> Product =
        Quantity.Then(
            MulOp.Then(Quantity, (op, right) => (op, right)).Many(),
            (left, rest) => (left, rest: rest.ToList()))
        // Not Assert: Pidgin's Assert drops the operand's expected tokens when the operand fails.
        .Bind(x => x.rest.Count + NestingDepth.Current >= SyntaxFacts.MaxNesting
            ? Fail<Expression>(NestingGuard<Expression>.TooDeep)
            : Return(x.rest.Aggregate(x.left, (acc, next) =>
                (Expression)new BinaryExpression(acc, next.op, next.right, acc.Span.Union(next.right.Span)))));

    internal static readonly Parser<char, Argument> Argument =
        Try(Ident.Before(Sym("="))).Then(
                Expr,
                (name, value) => new Argument(name, value, name.Span.Union(value.Span)))
            .Or(Not(Lookahead(Keyword("as"))).Then(Expr).Select(value => new Argument(null, value, value.Span)));

    /// <summary>Space-separated arguments of a statement or an operation.</summary>
    internal static readonly Parser<char, ArgumentList> Arguments =
        Map(
            (at, items) => items.Length == 0
                ? ArgumentList.Empty(at)
                : new ArgumentList(items, items[0].Span.Union(items[^1].Span)),
            CurrentOffset,
            Argument.Many().Select(a => a.ToImmutableArray()));
}

using System.Collections.Immutable;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static NetScript.Language.Syntax.TokenGrammar;

namespace NetScript.Language.Syntax;

internal static class ExpressionGrammar
{
    /// <summary>Words that turn a preceding number into a quantity: <c>1 epoch</c>.</summary>
    internal static readonly ImmutableHashSet<string> UnitWords =
        ImmutableHashSet.Create("epoch", "epochs", "step", "steps");

    internal static readonly Parser<char, Expression> Expr = Rec(() => Product!);

    internal static readonly Parser<char, ArgumentList> CallArguments = Rec(() =>
        Map(
            (open, items, close) => new ArgumentList(items.ToImmutableArray(), open.Union(close)),
            Sym("(").Before(TriviaNl),
            Argument!.Before(TriviaNl).Separated(Sym(",").Before(TriviaNl)),
            Sym(")")));

    internal static readonly Parser<char, Expression> NameOrCall =
        Ident.Then(
            CallArguments.Optional(),
            (name, args) => args.HasValue
                ? new CallExpression(name, args.Value, name.Span.Union(args.Value.Span))
                : (Expression)new NameExpression(name));

    internal static readonly Parser<char, Expression> ListLiteral =
        Map(
            (open, items, close) => (Expression)new ListExpression(items.ToImmutableArray(), open.Union(close)),
            Sym("[").Before(TriviaNl),
            Expr.Before(TriviaNl).Separated(Sym(",").Before(TriviaNl)),
            Sym("]"));

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
        NameOrCall);

    // `-` but not the `->` of a chain.
    internal static readonly Parser<char, TextSpan> Minus =
        Tok(Try(Map((s, _, e) => TextSpan.FromBounds(s, e), CurrentOffset, Char('-').Labelled("`-`").Before(Not(Char('>'))), CurrentOffset)));

    internal static readonly Parser<char, Expression> Unary = Rec(() =>
        Minus.Then(Unary!, (minus, operand) => (Expression)new NegateExpression(operand, minus.Union(operand.Span)))
            .Or(Primary));

    internal static readonly Parser<char, Identifier> Unit =
        Try(Ident.Assert(id => UnitWords.Contains(id.Text)));

    internal static readonly Parser<char, Expression> Quantity =
        Unary.Then(
            Unit.Optional(),
            (amount, unit) => unit.HasValue
                ? new QuantityExpression(amount, unit.Value, amount.Span.Union(unit.Value.Span))
                : amount);

    internal static readonly Parser<char, BinaryOperator> MulOp =
        Sym("*").ThenReturn(BinaryOperator.Multiply).Or(Sym("/").ThenReturn(BinaryOperator.Divide));

    internal static readonly Parser<char, Expression> Product =
        Quantity.Then(
            MulOp.Then(Quantity, (op, right) => (op, right)).Many(),
            (left, rest) => rest.Aggregate(left, (acc, next) =>
                new BinaryExpression(acc, next.op, next.right, acc.Span.Union(next.right.Span))));

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

using System.Collections.Frozen;
using NetScript.Language.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static NetScript.Language.Syntax.TokenGrammar;
using static NetScript.Language.Syntax.ExpressionGrammar;
using static NetScript.Language.Syntax.BlockGrammar;

namespace NetScript.Language.Syntax;

internal static class StatementGrammar
{
    internal static readonly Parser<char, Unit> StatementEnd =
        ItemSeparator.Or(End.Labelled("end of input"));

    internal static readonly FrozenDictionary<string, Func<Identifier, Parser<char, Statement>>> StatementRules =
        new Dictionary<string, Func<Identifier, Parser<char, Statement>>>
        {
            ["seed"] = kw => Expr.Select(v => (Statement)new SeedStatement(kw, v, kw.Span.Union(v.Span))),
            ["threads"] = kw => Expr.Select(v => (Statement)new ThreadsStatement(kw, v, kw.Span.Union(v.Span))),
            ["load"] = kw => Map(
                (kind, source, args, _, alias) => (Statement)new LoadStatement(kw, kind, source, args, alias, kw.Span.Union(alias.Span)),
                Ident, Expr, Arguments, Keyword("as"), Ident),
            ["split"] = kw => Map(
                (source, _, args) => (Statement)new SplitStatement(kw, source, args, kw.Span.Union(source.Span).Union(args.Span)),
                Ident, Keyword("into"), Arguments),
            ["preprocess"] = kw => Map(
                (args, body) => (Statement)new PreprocessStatement(kw, args, body, kw.Span.Union(body.Span)),
                Arguments, BlockParser),
            ["model"] = kw => Map(
                (name, body) => (Statement)new ModelStatement(kw, name, body, kw.Span.Union(body.Span)),
                Ident, BlockParser),
            ["optimizer"] = kw => Map(
                (kind, args) => (Statement)new OptimizerStatement(kw, kind, args, kw.Span.Union(kind.Span).Union(args.Span)),
                Ident, Arguments),
            ["train"] = kw => Map(
                (model, _, data, args) => (Statement)new TrainStatement(kw, model, data, args, kw.Span.Union(data.Span).Union(args.Span)),
                Ident, Keyword("on"), Ident, Arguments),
            ["evaluate"] = kw => Map(
                (model, _, data, args) => (Statement)new EvaluateStatement(kw, model, data, args, kw.Span.Union(data.Span).Union(args.Span)),
                Ident, Keyword("on"), Ident, Arguments),
        }.ToFrozenDictionary();

    /// <summary>The statement keywords, for "did you mean" and completion.</summary>
    internal static IEnumerable<string> StatementKeywords => StatementRules.Keys;

    internal static readonly Parser<char, Statement> Statement =
        Ident.Bind(kw => StatementRules.TryGetValue(kw.Text, out var rule)
                ? rule(kw)
                : Fail<Statement>("unknown statement"))
            .Before(StatementEnd);
}

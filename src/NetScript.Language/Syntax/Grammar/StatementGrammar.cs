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

    static readonly Parser<char, Identifier> ModelName = Named("a model name");
    static readonly Parser<char, Identifier> DataName = Named("a dataset name");
    static readonly Parser<char, Identifier> NewName = Ident;
    static readonly Parser<char, Identifier> Kind = Named("a kind");

    /// <summary>An optional <c>as NAME</c>, which arguments may follow as well.</summary>
    static readonly Parser<char, (Identifier? Alias, ArgumentList After)> OptionalAlias =
        Keyword("as").Then(NewName).Then(ExpressionGrammar.Arguments, (alias, after) => ((Identifier?)alias, after))
            .Or(CurrentOffset.Select(at => ((Identifier?)null, ArgumentList.Empty(at))));

    internal static readonly Parser<char, SnippetText> SnippetBody = Tok(new SnippetParser());

    /// <summary><c>csharp { … }</c> or a built-in with arguments.</summary>
    internal static readonly Parser<char, Definition> DefinitionParser =
        Try(Keyword("csharp").Before(Lookahead(Char('{'))))
            .Then(SnippetBody, (language, body) => (Definition)new CSharpSnippet(language, body.Code, body.CodeSpan, language.Span.Union(body.Span)))
            .Or(InvocationParser.Select(operation => (Definition)new BuiltinDefinition(operation)));

    static Func<Identifier, Parser<char, Statement>> Define(Func<Identifier, Identifier, Definition, TextSpan, Statement> create) =>
        kw => Map(
            (name, _, definition) => create(kw, name, definition, kw.Span.Union(definition.Span)),
            Named("a name"), Sym("="), DefinitionParser);

    static TextSpan Through(Identifier keyword, TextSpan last, ArgumentList before, (Identifier? Alias, ArgumentList After) alias) =>
        alias.Alias is { } name
            ? keyword.Span.Union(name.Span).Union(alias.After.Span)
            : keyword.Span.Union(last).Union(before.Span);

    internal static readonly FrozenDictionary<string, Func<Identifier, Parser<char, Statement>>> StatementRules =
        new Dictionary<string, Func<Identifier, Parser<char, Statement>>>
        {
            ["seed"] = kw => Expr.Select(v => (Statement)new SeedStatement(kw, v, kw.Span.Union(v.Span))),
            ["threads"] = kw => Expr.Select(v => (Statement)new ThreadsStatement(kw, v, kw.Span.Union(v.Span))),
            // Arguments may also follow the alias (`load parquet "x.parquet" as d label=y`).
            ["load"] = kw => Map(
                (kind, source, before, _, alias, after) => (Statement)new LoadStatement(kw, kind, source, Join(before, after), alias,
                    kw.Span.Union(alias.Span).Union(after.Span)) { TrailingArguments = after.Items.Length },
                Named("a source kind (`dataset`, `parquet` or `csv`)"), Expr, Arguments, Keyword("as"), NewName, Arguments),
            ["split"] = kw => Map(
                (source, _, args) => (Statement)new SplitStatement(kw, source, args, kw.Span.Union(source.Span).Union(args.Span)),
                DataName, Keyword("into"), Arguments),
            ["kfold"] = kw => Map(
                (source, before, _, alias, after) => (Statement)new KfoldStatement(kw, source, Join(before, after), alias,
                    kw.Span.Union(alias.Span).Union(after.Span)) { TrailingArguments = after.Items.Length },
                DataName, Arguments, Keyword("as"), NewName, Arguments),
            ["preprocess"] = kw => Map(
                (args, body) => (Statement)new PreprocessStatement(kw, args, body, kw.Span.Union(body.Span)),
                Arguments, BlockParser),
            ["model"] = kw => Map(
                (name, body) => (Statement)new ModelStatement(kw, name, body, kw.Span.Union(body.Span)),
                NewName, BlockParser),
            ["regularize"] = kw => Map(
                (model, body) => (Statement)new RegularizeStatement(kw, model, body, kw.Span.Union(body.Span)),
                ModelName, BlockParser),
            ["optimizer"] = kw => Map(
                (kind, args) => (Statement)new OptimizerStatement(kw, kind, args, kw.Span.Union(kind.Span).Union(args.Span)),
                Kind, Arguments),
            ["schedule"] = kw => Map(
                (kind, args) => (Statement)new ScheduleStatement(kw, kind, args, kw.Span.Union(kind.Span).Union(args.Span)),
                Kind, Arguments),
            ["loss"] = Define((kw, name, definition, span) => new LossStatement(kw, name, definition, span)),
            ["metric"] = Define((kw, name, definition, span) => new MetricStatement(kw, name, definition, span)),
            ["layer"] = Define((kw, name, definition, span) => new LayerStatement(kw, name, definition, span)),
            ["train"] = kw => Map(
                (model, _, data, args) => (Statement)new TrainStatement(kw, model, data, args, kw.Span.Union(data.Span).Union(args.Span)),
                ModelName, Keyword("on"), DataName, Arguments),
            ["evaluate"] = kw => Map(
                (model, _, data, args) => (Statement)new EvaluateStatement(kw, model, data, args, kw.Span.Union(data.Span).Union(args.Span)),
                ModelName, Keyword("on"), DataName, Arguments),
            ["lr_find"] = kw => Map(
                (model, _, data, args) => (Statement)new LrFindStatement(kw, model, data, args, kw.Span.Union(data.Span).Union(args.Span)),
                ModelName, Keyword("on"), DataName, Arguments),
            ["search"] = kw => Map(
                (kind, args, space) => (Statement)new SearchStatement(kw, kind, args, space, kw.Span.Union(space.Span)),
                Kind, Arguments, SearchSpaceParser),
            ["ensemble"] = kw => Map(
                (model, before, alias) => (Statement)new EnsembleStatement(kw, model, Join(before, alias.After), alias.Alias,
                    Through(kw, model.Span, before, alias)) { TrailingArguments = alias.After.Items.Length },
                ModelName, Arguments, OptionalAlias),
            ["transfer"] = kw => Map(
                (model, _, source, before, alias) => (Statement)new TransferStatement(kw, model, source, Join(before, alias.After), alias.Alias,
                    Through(kw, source.Span, before, alias)) { TrailingArguments = alias.After.Items.Length },
                ModelName, Keyword("from"), Expr, Arguments, OptionalAlias),
            ["export"] = kw => Map(
                (name, _, target, args) => (Statement)new ExportStatement(kw, name, target, args, kw.Span.Union(target.Span).Union(args.Span)),
                Named("a model or dataset name"), Keyword("to"), Expr, Arguments),
        }.ToFrozenDictionary();

    static ArgumentList Join(ArgumentList before, ArgumentList after) =>
        after.Items.IsEmpty ? before
        : before.Items.IsEmpty ? after
        : new ArgumentList(before.Items.AddRange(after.Items), before.Span.Union(after.Span));

    /// <summary><c>:load file.nns</c>: a colon, a name, and the rest of the line as one argument
    /// (a quoted string is unquoted; a comment or `;` ends it).</summary>
    internal static readonly Parser<char, Statement> Command =
        Map(
            (start, name, argument) =>
            {
                var keyword = new Identifier(":" + name.Text, TextSpan.FromBounds(start, name.Span.End));
                var span = argument.Span.Length > 0 ? keyword.Span.Union(argument.Span) : keyword.Span;
                return (Statement)new CommandStatement(keyword, argument.Text, argument.Span, span);
            },
            CurrentOffset.Before(Char(':')),
            RawIdent.Before(Trivia),
            Str.Select(s => (s.Value, s.Span))
                .Or(Map(
                    (s, text) => (Text: text.TrimEnd(), Span: new TextSpan(s, text.TrimEnd().Length)),
                    CurrentOffset,
                    AnyCharExcept('\n', '\r', ';', '#').ManyString()))
                .Select(a => (Text: a.Item1, Span: a.Item2)))
        .Before(Trivia);

    internal static readonly Parser<char, Statement> Statement =
        Command.Or(Ident.Bind(kw => StatementRules.TryGetValue(kw.Text, out var rule)
                ? rule(kw)
                : Fail<Statement>("unknown statement")))
            .Before(StatementEnd);
}

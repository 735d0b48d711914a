using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Checks statements in order against the session's symbols: names, arguments,
/// shapes, pipeline order. Produces pipeline steps and diagnostics; never throws for bad
/// input, and skips what depends on an error so one mistake reports once.</summary>
internal sealed partial class Checker
{
    readonly SourceText _source;
    readonly CompilationOptions _options;
    readonly DiagnosticBag _diagnostics;
    readonly List<PipelineStep> _steps = new();
    readonly List<SessionSymbols> _symbolsAfter = new();

    // Names whose definition failed: later uses stay quiet instead of cascading errors.
    readonly HashSet<string> _poisoned = new(StringComparer.Ordinal);
    SessionSymbols _symbols;

    // Set while checking the statements after a search: `ensemble … top=` takes its trials.
    TrialSearch? _search;

    Checker(SourceText source, SessionSymbols symbols, CompilationOptions options, DiagnosticBag diagnostics)
    {
        _source = source;
        _symbols = symbols;
        _options = options;
        _diagnostics = diagnostics;
    }

    public static CheckedProgram Check(ScriptSyntax syntax, SessionSymbols symbols, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var checker = new Checker(syntax.Source, symbols, options, diagnostics);
        checker.CollectDeclarations(syntax);
        for (int i = 0; i < syntax.Statements.Length; i++)
        {
            // A search takes the statements after it over: they run once per trial.
            if (syntax.Statements[i] is SearchStatement search && checker.CheckSearch(search, syntax.Statements[(i + 1)..]))
                break;
            checker.CheckStatement(syntax.Statements[i]);
        }
        checker.Lint(syntax, symbols);
        return new CheckedProgram(syntax.Source, checker._steps.ToImmutableArray(), checker._symbolsAfter.ToImmutableArray(), symbols);
    }

    /// <summary>Checks some statements of <paramref name="source"/> on their own (a search's trial,
    /// or the statements after it, which know the search as <paramref name="search"/>).</summary>
    internal static CheckedProgram CheckPart(SourceText source, ImmutableArray<Statement> statements, SessionSymbols symbols,
        CompilationOptions options, DiagnosticBag diagnostics, bool lint, TrialSearch? search = null)
    {
        var syntax = new ScriptSyntax(source, statements, []);
        var checker = new Checker(source, symbols, options, diagnostics) { _search = search };
        checker.CollectDeclarations(syntax);
        foreach (Statement statement in statements)
            checker.CheckStatement(statement);
        if (lint) checker.Lint(syntax, symbols);
        return new CheckedProgram(source, checker._steps.ToImmutableArray(), checker._symbolsAfter.ToImmutableArray(), symbols);
    }

    void CheckStatement(Statement statement)
    {
        if (Precheck(statement) is not { } checkable) return;
        switch (checkable)
        {
            case SeedStatement s: CheckSeed(s); break;
            case ThreadsStatement s: CheckThreads(s); break;
            case LoadStatement s: CheckLoad(s); break;
            case SplitStatement s: CheckSplit(s); break;
            case PreprocessStatement s: CheckPreprocess(s); break;
            case ModelStatement s: CheckModel(s); break;
            case OptimizerStatement s: CheckOptimizer(s); break;
            case TrainStatement s: CheckTrainStatement(s); break;
            case EvaluateStatement s: CheckEvaluate(s); break;
            case LrFindStatement s: CheckLrFind(s); break;
            case KfoldStatement s: CheckKfold(s); break;
            case RegularizeStatement s: CheckRegularize(s); break;
            case ScheduleStatement s: CheckSchedule(s); break;
            case LossStatement s: CheckDefinition(s, s.Name, s.Definition, SnippetKind.Loss); break;
            case MetricStatement s: CheckDefinition(s, s.Name, s.Definition, SnippetKind.Metric); break;
            case LayerStatement s: CheckDefinition(s, s.Name, s.Definition, SnippetKind.Layer); break;
            case SearchStatement: break; // Checked by Check, with the statements after it.
            case EnsembleStatement s: CheckEnsemble(s); break;
            case TransferStatement s: CheckTransfer(s); break;
            case ExportStatement s: CheckExport(s); break;
            case CommandStatement s: CheckCommand(s); break;
            case ErrorStatement s: Poison(s.Declares); break;
            default:
                _diagnostics.Report(DiagnosticCatalog.InternalError, statement.Span, $"the checker does not know `{statement.Keyword}`");
                break;
        }
    }

    /// <summary>Marks names as failed definitions until <see cref="Emit"/> defines them.</summary>
    void Poison(IEnumerable<string> names) => _poisoned.UnionWith(names);

    void Emit(PipelineStep step, SessionSymbols after)
    {
        _poisoned.ExceptWith(after.Datasets.Keys.Concat(after.Models.Keys).Concat(after.Definitions.Keys).Concat(after.Folds.Keys));
        _symbols = after;
        _steps.Add(step);
        _symbolsAfter.Add(after);
    }

    BoundArguments Bind(OperationSpec spec, ArgumentList arguments, TextSpan owner) =>
        ArgumentBinder.Bind(spec, arguments, owner, _diagnostics);

    /// <summary>Binds, and returns null when binding reported an error.</summary>
    BoundArguments? BindOrNull(OperationSpec spec, ArgumentList arguments, TextSpan owner)
    {
        int before = _diagnostics.Count(d => d.IsError);
        BoundArguments bound = Bind(spec, arguments, owner);
        return _diagnostics.Count(d => d.IsError) == before ? bound : null;
    }

    string Where(TextSpan span) => _source.GetLocation(span.Start).Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (_source.Path.StartsWith('<') ? " of " + _source.Path : "");

    /// <summary>Reports a clash when <paramref name="name"/> is taken; in the REPL,
    /// redefinition replaces the old symbol instead.</summary>
    bool CheckFree(Identifier name)
    {
        if (_options.AllowRedefinition || _symbols.KindOf(name.Text) is not { } kind) return true;
        _diagnostics.Report(DiagnosticCatalog.Redefinition, name.Span, name.Text, kind, _symbols.DefinedAt(name.Text));
        return false;
    }

    DatasetSymbol? LookupDataset(Identifier name)
    {
        if (_symbols.Datasets.TryGetValue(name.Text, out var dataset)) return dataset;
        if (_poisoned.Contains(name.Text)) return null;
        ReportUnknown(name.Text, name.Span, "dataset", DiagnosticCatalog.UnknownDataset, _symbols.Datasets.Keys);
        return null;
    }

    ModelSymbol? LookupModel(Identifier name)
    {
        if (_symbols.Models.TryGetValue(name.Text, out var model)) return model;
        if (_poisoned.Contains(name.Text)) return null;
        ReportUnknown(name.Text, name.Span, "model", DiagnosticCatalog.UnknownModel, _symbols.Models.Keys);
        return null;
    }

    void CheckSeed(SeedStatement statement)
    {
        var args = BindOrNull(StatementSchema.Seed, Positional(statement.Value), statement.Span);
        if (args is null) return;
        long seed = args.Int("value");
        Emit(new SeedStep(seed, statement.Span), _symbols with { Seed = seed });
    }

    void CheckThreads(ThreadsStatement statement)
    {
        var args = BindOrNull(StatementSchema.Threads, Positional(statement.Value), statement.Span);
        if (args is null) return;
        Emit(new ThreadsStep((int)args.Int("value"), statement.Span), _symbols);
    }

    static ArgumentList Positional(Expression value) =>
        new(ImmutableArray.Create(new Argument(null, value, value.Span)), value.Span);
}

using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Statements the language parses but the runtime does not run yet: what is checkable
/// today (names they refer to, use before definition, argument names) is checked, then one
/// NS0050 says the statement is not implemented. Names they would define are remembered as
/// planned, so later uses do not cascade into "unknown name" errors.</summary>
internal sealed partial class Checker
{
    // Names defined by statements that are not implemented yet (ensembles, transfers).
    readonly HashSet<string> _planned = new(StringComparer.Ordinal);

    /// <summary>The REPL compiles with redefinition allowed; only there are commands steps.</summary>
    bool Interactive => _options.AllowRedefinition;

    void NotImplemented(string construct, TextSpan span) =>
        _diagnostics.Report(DiagnosticCatalog.NotImplemented, span, construct);

    /// <summary>Remembers names a not-implemented statement would define.</summary>
    void Plan(params IEnumerable<string> names)
    {
        var list = names.ToList();
        _planned.UnionWith(list);
        Poison(list);
    }

    /// <summary>A model changed by a statement that cannot be checked (its weights, head or
    /// training are not known): later uses stay quiet instead of checking a stale model.</summary>
    void Unresolvable(string model)
    {
        if (_symbols.Models.ContainsKey(model)) _symbols = _symbols with { Models = _symbols.Models.Remove(model) };
        Plan(model);
    }

    // The last `train` of each model (what an ensemble's members repeat), and the names that hold ensembles.
    readonly Dictionary<string, TrainStep> _lastTraining = new(StringComparer.Ordinal);
    readonly Dictionary<string, (int Members, EnsembleKind Kind)> _ensembles = new(StringComparer.Ordinal);

    void CheckEnsemble(EnsembleStatement statement)
    {
        bool free = statement.Alias is null || CheckFree(statement.Alias);
        ModelSymbol? model = LookupModel(statement.Model);
        var args = BindOrNull(StatementSchema.Ensemble, statement.Arguments, statement.Keyword.Span);
        string name = statement.Alias?.Text ?? statement.Model.Text;
        if (!free || model is null || args is null) { Plan(name); return; }
        if (args.OptionalInt("top") is { } top)
        {
            CheckTopEnsemble(statement, args, model, name, (int)top);
            return;
        }
        if (!model.Trained || !_lastTraining.TryGetValue(model.Name, out TrainStep? train))
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleOfUntrained, statement.Model.Span, model.Name);
            Plan(name);
            return;
        }
        if (args.OptionalInt("snapshots") is { } snapshots)
        {
            CheckSnapshotEnsemble(statement, args, model, train, name, (int)snapshots);
            return;
        }
        var seeds = args.Integers("seeds") ?? [];
        TextSpan seedsAt = args.SpanOf("seeds") ?? statement.Keyword.Span;
        string? problem = seeds.Length == 0 ? (args.SpanOf("seeds") is null ? "`seeds=` (or `snapshots=`, or `top=` after a search) is missing" : "the list is empty")
            : seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"seed {twice.Key} is given twice"
            : null;
        if (problem is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleSeeds, seedsAt, problem);
            Plan(name);
            return;
        }
        DefineEnsemble(new EnsembleStep(name, train, seeds, args.Text("average"), statement.Span), model, seeds.Length, EnsembleKind.Seeds);
    }

    /// <summary>Emits an ensemble step: NAME then counts as a model (its members' architecture),
    /// trained as its members were.</summary>
    void DefineEnsemble(EnsembleStep step, ModelSymbol model, int members, EnsembleKind kind)
    {
        _lastTraining[step.Name] = step.Train with { Model = step.Name };
        _ensembles[step.Name] = (members, kind);
        Emit(step, _symbols with { Models = _symbols.Models.SetItem(step.Name, model with { Name = step.Name }) });
    }

    /// <summary>`ensemble MODEL snapshots=K`: the model's last training (in this script or
    /// submission) is told to keep its last K epochs' weights, which become the members.</summary>
    void CheckSnapshotEnsemble(EnsembleStatement statement, BoundArguments args, ModelSymbol model, TrainStep train, string name, int snapshots)
    {
        TextSpan at = args.SpanOf("snapshots")!.Value;
        int index = _steps.FindIndex(s => ReferenceEquals(s, train));
        string? problem = args.SpanOf("seeds") is not null
            ? $"takes the members from `{model.Name}`'s last training and `seeds=` trains new ones; give one of them"
            : CycleSnapshotProblem(train, model.Name, snapshots) is { } cycles
            ? cycles
            : snapshots > train.Settings.Epochs
            ? $"asks for the weights of the last {snapshots} epochs, and `{model.Name}`'s last training has {train.Settings.Epochs}"
            : index < 0
            ? $"takes the weights `{model.Name}`'s last training keeps of its last epochs, and that training is not in this script or submission; train `{model.Name}` again before the `ensemble`"
            : null;
        if (problem is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleSnapshots, at, snapshots, problem);
            Plan(name);
            return;
        }
        var keeping = train with { KeepEpochs = Math.Max(train.KeepEpochs ?? 0, snapshots) };
        _steps[index] = keeping;
        _lastTraining[model.Name] = keeping;
        DefineEnsemble(new EnsembleStep(name, keeping, [], args.Text("average"), statement.Span) { Snapshots = snapshots }, model, snapshots, EnsembleKind.Snapshots);
    }

    /// <summary>With `schedule cosine cycle=` a snapshot ensemble takes the weights at the end of
    /// each cycle: the cycles (and the warmup before them) must be whole epochs, so that each ends
    /// with an epoch, and the training must complete at least K cycles.</summary>
    static string? CycleSnapshotProblem(TrainStep train, string model, int snapshots)
    {
        if (train.Schedule is not { } schedule || schedule.Arguments.Spec != ScheduleSchema.Cosine
            || schedule.Arguments.OptionalDuration("cycle") is not { } cycle) return null;
        Duration? warmup = schedule.Warmup;
        static bool Whole(Duration d) => d.Unit == DurationUnit.Epochs && d.Amount == Math.Floor(d.Amount);
        if (!Whole(cycle) || warmup is not null && !Whole(warmup))
            return $"takes `{model}`'s weights at the end of each of its last training's last {snapshots} cycles, and its schedule's "
                + (Whole(cycle) ? $"warmup of {warmup}" : $"cycle of {cycle}") + " does not end with an epoch; give it in whole epochs";
        long epochs = train.Settings.Epochs - (long)(warmup?.Amount ?? 0), mult = schedule.Arguments.OptionalInt("cycle_mult") ?? 1;
        int complete = 0;
        var lengths = new List<long>();
        for (long length = (long)cycle.Amount, end = length; end <= epochs; length *= mult, end += length)
        {
            complete++;
            if (lengths.Count < 4) lengths.Add(length);
        }
        if (snapshots <= complete) return null;
        string after = warmup is null ? "" : $" after a warmup of {warmup}";
        string ends = complete switch
        {
            0 => $"no cycle (the first is {cycle} long)",
            _ when mult == 1 => $"{complete} cycle{(complete == 1 ? "" : "s")} of {cycle}",
            _ => $"{complete} cycle{(complete == 1 ? "" : "s")} ({string.Join(", ", lengths)}{(lengths.Count < complete ? ", …" : "")} epochs long)",
        };
        return $"takes `{model}`'s weights at the end of each of its last training's last {snapshots} cycles, and its {train.Settings.Epochs} epochs{after} complete {ends}";
    }

    /// <summary>`ensemble MODEL top=K`, after a search in the same script or submission whose
    /// trials train MODEL: the members are the K best trials' models, read from their weight
    /// files when the ensemble runs. Each is built from its own trial's values, so the check
    /// here is that the search exists, trains the model (not on folds, which keep no model) and
    /// runs at least K trials.</summary>
    void CheckTopEnsemble(EnsembleStatement statement, BoundArguments args, ModelSymbol model, string name, int top)
    {
        TextSpan at = args.SpanOf("top")!.Value;
        string? other = args.SpanOf("seeds") is not null ? "seeds" : args.SpanOf("snapshots") is not null ? "snapshots" : null;
        TrainStep? train = _search?.Body.Steps.OfType<TrainStep>().LastOrDefault(t => t.Model == model.Name);
        string? problem = other is not null
            ? $"takes the members from a search's trials and `{other}=` {(other == "seeds" ? "trains new ones" : $"from `{model.Name}`'s last training")}; give one of them"
            : _search is null
            ? $"takes the best trials of a `search` earlier in this script or submission, and there is none; put a `search` block before the statements that train `{model.Name}`"
            : train is null
            ? $"takes `{model.Name}` as the search's trials trained it, and they do not train `{model.Name}`"
            : train.Folds is not null
            ? $"takes `{model.Name}` as the search's trials trained it, and they train it on the folds of `{train.Data}`, which keeps no trained model; train it on a split with `validate=` instead"
            : _search.Trials is { } trials && top > trials
            ? $"asks for the {top} best trials, and the search runs {trials}"
            : null;
        if (problem is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.EnsembleTop, at, top, problem);
            Plan(name);
            return;
        }
        DefineEnsemble(new EnsembleStep(name, train!, [], args.Text("average"), statement.Span) { Top = top, TopTrials = new TrialTrainings(_search!.Binder, model.Name) },
            model, top, EnsembleKind.Top);
    }

    enum EnsembleKind { Seeds, Snapshots, Top }

    void CheckCommand(CommandStatement statement)
    {
        if (!Interactive)
        {
            _diagnostics.Report(DiagnosticCatalog.CommandInScript, statement.Keyword.Span, statement.Keyword.Text);
            return;
        }
        Emit(new CommandStep(statement.Name, statement.Argument, statement.Span), _symbols);
    }

    void RequireString(Expression value, string what, string statement, string expected)
    {
        if (value is not StringLiteral)
            _diagnostics.Report(DiagnosticCatalog.ArgumentType, value.Span, what, statement, expected, ConstantEvaluator.Evaluate(value).Describe());
    }

    /// <summary>Argument names of a statement whose values cannot be bound yet (lists,
    /// patterns): unknown names with "did you mean", duplicates, stray positional values.</summary>
    void CheckArgumentNames(OperationSpec spec, ArgumentList arguments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int positional = spec.Parameters.Count(p => p.Positional);
        foreach (Argument argument in arguments.Items)
        {
            string? name = argument.Name?.Text;
            if (name is null && argument.Value is NameExpression bare && spec.Find(bare.Name.Text) is { Type: ParameterType.Flag or ParameterType.Options })
                name = bare.Name.Text;
            else if (name is null && argument.Value is CallExpression call)
                name = call.Callee.Text;
            if (name is null)
            {
                if (positional-- > 0) continue;
                if (argument.Value is NameExpression word)
                    _diagnostics.Report(DiagnosticCatalog.UnknownArgument, argument.Span, spec.Name, word.Name.Text,
                        Suggestions.DidYouMean(word.Name.Text, spec.Parameters.Select(p => p.Name)));
                else
                    _diagnostics.Report(DiagnosticCatalog.TooManyPositional, argument.Span, spec.Name, spec.Parameters.Count(p => p.Positional),
                        _source.ToString(argument.Span));
                continue;
            }
            if (spec.Find(name) is null)
            {
                TextSpan at = argument.Name?.Span ?? argument.Span;
                _diagnostics.Report(DiagnosticCatalog.UnknownArgument, at, spec.Name, name,
                    Suggestions.DidYouMean(name, spec.Parameters.Select(p => p.Name)));
            }
            else if (!seen.Add(name))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateArgument, argument.Span, name);
            }
            else if (argument.Value is CallExpression options && spec.Find(name) is { Nested: { } nested })
            {
                CheckArgumentNames(nested, options.Arguments);
            }
        }
    }
}

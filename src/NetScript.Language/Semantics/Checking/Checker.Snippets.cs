using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>loss</c>, <c>metric</c> and <c>layer</c> statements and their uses. A C# snippet is
/// compiled where it is defined (its C# errors at their script positions) and run once on a dummy
/// batch wherever the shapes it will see become known: a layer when its model meets data, a loss
/// or metric at the `train` that uses it, with the model's output and the data's targets. So a
/// shape bug in a snippet is reported before any compute is spent.</summary>
internal sealed partial class Checker
{
    // Built-in metric names and log columns: `metric acc = …` would make `val_acc` ambiguous.
    static readonly string[] s_builtinMetrics = ["loss", "acc", "accuracy", "topk", "top_k"];

    // A snippet is probed once per (shapes) and each finding reported once, however often it is used.
    readonly Dictionary<(SnippetSource, SnippetProbe), SnippetCheck> _probes = new();
    readonly HashSet<Diagnostic> _snippetReports = new();

    void CheckDefinition(Statement statement, Identifier name, Definition definition, SnippetKind kind)
    {
        bool free = CheckFree(name) && NotBuiltin(name, kind);
        DefinitionSymbol? symbol = definition switch
        {
            CSharpSnippet snippet => CompileSnippet(name, snippet, kind),
            BuiltinDefinition builtin => BindBuiltin(name, builtin.Operation, kind),
            _ => null,
        };
        if (symbol is null || !free)
        {
            Poison([name.Text]);
            return;
        }
        Emit(new DefinitionStep(symbol, statement.Span), _symbols with { Definitions = _symbols.Definitions.SetItem(name.Text, symbol) });
    }

    bool NotBuiltin(Identifier name, SnippetKind kind)
    {
        bool builtin = kind switch
        {
            SnippetKind.Loss => SchemaCatalog.Find(OperationCategory.Loss, name.Text) is not null,
            SnippetKind.Layer => SchemaCatalog.Find(OperationCategory.Layer, name.Text) is not null || name.Text is "init" or "residual" or "repeat",
            _ => s_builtinMetrics.Contains(name.Text),
        };
        if (builtin) _diagnostics.Report(DiagnosticCatalog.DefinitionShadowsBuiltin, name.Span, name.Text, kind.ToString().ToLowerInvariant());
        return !builtin;
    }

    DefinitionSymbol? CompileSnippet(Identifier name, CSharpSnippet snippet, SnippetKind kind)
    {
        var source = SnippetSource.At(kind, name.Text, _source, snippet.CodeSpan);
        if (_options.Snippets is not { } compiler)
        {
            _diagnostics.Report(DiagnosticCatalog.SnippetsUnavailable, snippet.Language.Span, source.Noun);
            return null;
        }
        SnippetCheck check = compiler.Check(source, null);
        ReportOnce(check.Diagnostics);
        return check.HasErrors ? null : new DefinitionSymbol(name.Text, kind, source, null, Where(name.Span));
    }

    /// <summary><c>loss smooth = cross_entropy label_smoothing=0.1</c>, <c>layer wide = dense 512</c>.</summary>
    DefinitionSymbol? BindBuiltin(Identifier name, Invocation operation, SnippetKind kind)
    {
        if (kind == SnippetKind.Metric)
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownOperation, operation.Name.Span, "metric", operation.Name.Text,
                "; metrics are written in C#: `metric NAME = csharp { (pred, target) => … }`");
            return null;
        }
        OperationCategory category = kind == SnippetKind.Loss ? OperationCategory.Loss : OperationCategory.Layer;
        if (Lookup(category, operation) is not { } spec || BindOrNull(spec, operation.Arguments, operation.Name.Span) is not { } args) return null;
        return new DefinitionSymbol(name.Text, kind, null, args, Where(name.Span));
    }

    /// <summary>A model link naming a <c>layer NAME = …</c>: true, with its layer (null when the
    /// link gives it arguments, reported). False when the link names no defined layer.</summary>
    bool TryDefinedLayer(Invocation link, out LayerDefinition? layer)
    {
        layer = null;
        if (!_symbols.Definitions.TryGetValue(link.Name.Text, out var symbol) || symbol.Kind != SnippetKind.Layer) return false;
        if (!link.Arguments.Items.IsEmpty || link.Body is not null)
        {
            TextSpan at = link.Arguments.Items.IsEmpty ? link.Body!.Span : link.Arguments.Span;
            _diagnostics.Report(DiagnosticCatalog.DefinitionWithArguments, at, "layer", symbol.Name, symbol.DefinedAt);
            return true;
        }
        layer = symbol.Snippet is { } snippet
            ? new LayerDefinition(BoundArguments.Defaults(SnippetSpec(symbol)), link.Span) { Snippet = snippet }
            : new LayerDefinition(symbol.Builtin!, link.Span);
        return true;
    }

    /// <summary>A C# layer's output shape for <paramref name="input"/>, found by running it on a
    /// dummy batch; null when it fails (reported) or could not be run (then the model cannot be
    /// planned, and later uses of it stay quiet).</summary>
    Shape? SnippetLayerOutput(string model, SnippetSource snippet, Shape input)
    {
        SnippetCheck check = Probe(snippet, SnippetProbe.ForLayer(input));
        if (check.Output is null && !check.HasErrors) Unresolvable(model);
        return check.HasErrors ? null : check.Output;
    }

    /// <summary>Takes <c>loss=NAME</c> of a <c>loss NAME = …</c> statement out of a train
    /// statement's arguments (the binder knows the built-ins only). Null when `loss=` names a
    /// built-in or is absent; a null symbol when the name is unknown or misused (reported) or its
    /// definition failed (quiet).</summary>
    (DefinitionSymbol? Symbol, TextSpan Span)? TakeNamedLoss(ref ArgumentList arguments)
    {
        Argument? argument = arguments.Items.FirstOrDefault(a => a.Name?.Text == "loss");
        string? name = argument?.Value switch
        {
            NameExpression n => n.Name.Text,
            CallExpression c => c.Callee.Text,
            _ => null,
        };
        if (argument is null || name is null || SchemaCatalog.Find(OperationCategory.Loss, name) is not null) return null;
        arguments = new ArgumentList(arguments.Items.Remove(argument), arguments.Span);
        TextSpan at = argument.Value is CallExpression call ? call.Callee.Span : argument.Value.Span;
        if (!_symbols.Definitions.TryGetValue(name, out var symbol) || symbol.Kind != SnippetKind.Loss)
        {
            if (!_poisoned.Contains(name))
                _diagnostics.Report(DiagnosticCatalog.UnknownOperation, at, "loss", name,
                    Suggestions.DidYouMean(name, SchemaCatalog.Names(OperationCategory.Loss).Concat(DefinedNames(SnippetKind.Loss))));
            return (null, at);
        }
        if (argument.Value is CallExpression { Arguments: var given })
        {
            _diagnostics.Report(DiagnosticCatalog.DefinitionWithArguments, given.Span, "loss", name, symbol.DefinedAt);
            return (null, at);
        }
        return (symbol, argument.Value.Span);
    }

    /// <summary>What `loss=` binds to for a defined loss: the built-in's fixed arguments, or an
    /// argument-free operation named after the C# loss.</summary>
    static BoundArguments LossArguments(DefinitionSymbol loss) => loss.Builtin ?? BoundArguments.Defaults(SnippetSpec(loss));

    /// <summary>A C# loss bound to this run's data: probed at <see cref="CheckTargets"/>.</summary>
    static TrainSettings WithSnippetLoss(TrainSettings settings, DefinitionSymbol loss, ModelPlan plan, DatasetSymbol data)
    {
        SnippetTarget targets = SnippetUse.TargetsOf(data.Info);
        // Accuracy needs one score per class; any other output (a custom head) makes no decisions.
        bool decides = targets.Kind == SnippetTargetKind.ClassIndices && plan.Output.Equals(Shape.Of(targets.Classes));
        return settings with
        {
            Loss = settings.Loss with { Snippet = new SnippetUse(loss.Snippet!, targets), Target = decides ? LossTarget.Classes : LossTarget.Real },
        };
    }

    /// <summary>A C# loss gets the targets it was trained with (validation and evaluation data must
    /// have the same), and must run on a dummy batch of the model's output and those targets.</summary>
    bool CheckSnippetTargets(ModelPlan plan, SnippetUse use, DatasetSymbol data, TextSpan span)
    {
        if (!SameTargets(use, data, span)) return false;
        return !Probe(use.Source, SnippetProbe.ForLoss(plan.Output, use.Targets)).HasErrors;
    }

    bool SameTargets(SnippetUse use, DatasetSymbol data, TextSpan span)
    {
        SnippetTarget targets = SnippetUse.TargetsOf(data.Info);
        if (targets.Equals(use.Targets)) return true;
        _diagnostics.Report(DiagnosticCatalog.LossTargets, span, use.Name, Describe(use.Targets) + " (as where it was first used)", data.Name, Describe(targets));
        return false;
    }

    static string Describe(SnippetTarget targets) => targets.Kind == SnippetTargetKind.ClassIndices
        ? $"class labels ({targets.Classes} classes)"
        : $"real-valued targets of shape {targets.Shape}";

    /// <summary>The C# metrics a run measures: <c>metrics=[…]</c>, plus the one
    /// <c>early_stop(metric=val_NAME)</c> watches; each probed like the loss. Null when reported.</summary>
    ImmutableArray<SnippetUse>? CheckSnippetMetrics(TrainSettings settings, BoundArguments args, ModelPlan plan, DatasetSymbol data, bool validates)
    {
        var names = new List<(string Name, TextSpan Span)>();
        if (args.Names("metrics") is { } listed) names.AddRange(listed.Distinct().Select(n => (n, args.SpanOf("metrics")!.Value)));
        if (settings.EarlyStop is { } stop && !OptionGroupSchema.Metrics.Contains(stop.Metric))
        {
            TextSpan at = stop.Arguments.SpanOf("metric")!.Value;
            string custom = stop.Metric.StartsWith("val_", StringComparison.Ordinal) ? stop.Metric[4..] : "";
            if (!(_symbols.Definitions.TryGetValue(custom, out var metric) && metric.Kind == SnippetKind.Metric))
            {
                var allowed = OptionGroupSchema.Metrics.Concat(DefinedNames(SnippetKind.Metric).Select(n => "val_" + n)).ToList();
                _diagnostics.Report(DiagnosticCatalog.InvalidChoice, at, "metric", "early_stop", string.Join(", ", allowed.Select(m => $"`{m}`")),
                    stop.Metric, Suggestions.DidYouMean(stop.Metric, allowed));
                return null;
            }
            if (stop.Arguments.Text("mode") == "auto")
            {
                _diagnostics.Report(DiagnosticCatalog.MissingArgument, at, "early_stop", "mode",
                    $"whether a larger `{stop.Metric}` is better: `mode=max` or `mode=min`");
                return null;
            }
            if (!names.Any(n => n.Name == custom)) names.Add((custom, at));
        }

        var uses = ImmutableArray.CreateBuilder<SnippetUse>();
        bool ok = true;
        foreach (var (name, span) in names)
        {
            if (!_symbols.Definitions.TryGetValue(name, out var symbol) || symbol.Kind != SnippetKind.Metric)
            {
                if (!_poisoned.Contains(name))
                    _diagnostics.Report(DiagnosticCatalog.UnknownOperation, span, "metric", name, Suggestions.DidYouMean(name, DefinedNames(SnippetKind.Metric)));
                ok = false;
                continue;
            }
            if (!validates)
            {
                _diagnostics.Report(DiagnosticCatalog.MetricNotMeasured, span, name, "C# metrics are measured on the validation data; add `validate=`");
                ok = false;
                continue;
            }
            var use = new SnippetUse(symbol.Snippet!, SnippetUse.TargetsOf(data.Info));
            ok &= !Probe(use.Source, SnippetProbe.ForLoss(plan.Output, use.Targets)).HasErrors;
            uses.Add(use);
        }
        return ok ? uses.ToImmutable() : null;
    }

    IEnumerable<string> DefinedNames(SnippetKind kind) => _symbols.Definitions.Values.Where(d => d.Kind == kind).Select(d => d.Name);

    /// <summary>The operation a defined name stands for in a layer list or `loss=`: named after it, no arguments.</summary>
    static OperationSpec SnippetSpec(DefinitionSymbol symbol) => OperationSpec.Create(symbol.Name,
        symbol.Kind == SnippetKind.Loss ? OperationCategory.Loss : OperationCategory.Layer, $"C# {symbol.Noun}");

    /// <summary>Runs a snippet on a dummy batch; reports what it finds beyond its compile
    /// diagnostics (already reported where it is defined).</summary>
    SnippetCheck Probe(SnippetSource snippet, SnippetProbe probe)
    {
        if (_probes.TryGetValue((snippet, probe), out var known)) return known;
        if (_options.Snippets is not { } compiler)
        {
            _diagnostics.Report(DiagnosticCatalog.SnippetsUnavailable, snippet.CodeSpan, snippet.Noun);
            return _probes[(snippet, probe)] = new SnippetCheck([], null);
        }
        var compiled = compiler.Check(snippet, null).Diagnostics;
        SnippetCheck check = compiler.Check(snippet, probe);
        ReportOnce(check.Diagnostics.Except(compiled));
        return _probes[(snippet, probe)] = check;
    }

    void ReportOnce(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
            if (_snippetReports.Add(diagnostic)) _diagnostics.Add(diagnostic);
    }
}

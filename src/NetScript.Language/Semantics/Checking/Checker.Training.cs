using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    void CheckTrain(TrainStatement statement)
    {
        ModelSymbol? model = LookupModel(statement.Model);
        DatasetSymbol? data = LookupTrainingData(statement.Data, out FoldsSymbol? folds);
        ArgumentList arguments = statement.Arguments;
        var namedLoss = TakeNamedLoss(ref arguments);
        var args = BindOrNull(StatementSchema.Train, arguments, statement.Keyword.Span);
        if (model is null || data is null || args is null || namedLoss is { Symbol: null }) return;
        if (!HasRows(data, statement.Data.Span, "trained on")) return;
        if (namedLoss is ({ } loss, var lossAt)) args = args.With("loss", LossArguments(loss), lossAt);
        if (folds is not null && !CheckFoldOptions(folds, args)) return;
        if (args.Text("precision") == "bf16" && _options.BFloat16 == false)
            _diagnostics.Report(DiagnosticCatalog.NoBFloat16, args.SpanOf("precision")!.Value);
        if (args.OptionalText("resume") is { } resume && ScriptDirectory() is { } folder)
            args = args.With("resume", Path.GetFullPath(Path.Combine(folder, resume)), args.SpanOf("resume")!.Value);

        string? validate = args.OptionalText("validate");
        if (validate is not null && !_symbols.Datasets.ContainsKey(validate))
        {
            ReportUnknown(validate, args.SpanOf("validate")!.Value, "dataset", DiagnosticCatalog.UnknownDataset, _symbols.Datasets.Keys);
            return;
        }
        if (validate is not null && !HasRows(_symbols.Datasets[validate], args.SpanOf("validate")!.Value, "validated on")) return;
        if (validate is not null && !_symbols.Datasets[validate].Info.Features.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, args.SpanOf("validate")!.Value, validate,
                _symbols.Datasets[validate].Info.Features, $"its samples must have the training data's shape {data.Info.Features}");
            return;
        }
        if (validate is not null && !CheckNoLeak(_symbols.Datasets[validate], data.Lineage, $"validate={validate}", args.SpanOf("validate")!.Value)) return;
        // Cross-validation trains fresh copies, which need not fit the model's own weights.
        if (folds is null && model.InputShape is { } fixedShape && !fixedShape.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, statement.Data.Span, model.Name, data.Info.Features,
                $"model `{model.Name}` was built for inputs of shape {fixedShape}");
            return;
        }
        var settings = new TrainSettings(args);
        if (!CheckAveraging(settings, args)) return;
        OptimizerSettings optimizer = _symbols.Optimizer
            ?? new OptimizerSettings(BoundArguments.Defaults(OptimizerSchema.Default), statement.Keyword.Span);
        // A transferred model: its replaced head takes this data's classes, its rate the transfer's.
        if ((folds is null ? FineTuneHead(model, data, settings, args, statement, ref optimizer) : model.Definition) is not { } definition) return;
        ModelPlan? plan = Plan(definition, data.Info.Features);
        if (plan is not null && namedLoss is ({ Snippet: not null } snippetLoss, _)) settings = WithSnippetLoss(settings, snippetLoss, plan, data);
        TextSpan lossSpan = args.SpanOf("loss") ?? statement.Data.Span;
        if (plan is null || !CheckTargets(plan, settings.Loss, data, lossSpan)) return;
        if (validate is not null && !CheckTargets(plan, settings.Loss, _symbols.Datasets[validate], args.SpanOf("validate")!.Value)) return;
        bool validates = validate is not null || folds is not null;
        if (CheckSnippetMetrics(settings, args, plan, data, validates) is not { } metrics) return;
        if (!CheckMetrics(settings, args, data, validates)) return;

        if (!Regularize(model, data, statement, ref settings, ref optimizer)) return;
        var step = new TrainStep(model.Name, data.Name, validate, settings, plan, optimizer, statement.Span)
        {
            LossParameters = LayerShapes.LossParameters(settings.Loss, plan.Output, data.Info.Classes),
            Schedule = _symbols.Schedule,
            Regularization = model.Regularization,
            Metrics = metrics,
            Folds = folds is null ? null : CrossValidationOf(folds),
            FineTuning = folds is null ? model.FineTuning : null,
        };
        if (!WarmupEnds(step, data, args.SpanOf("epochs") ?? statement.Keyword.Span)) return;
        var trained = folds is not null
            ? model.Trained ? model : model with { CrossValidatedOn = folds }
            : model with { Definition = definition, FineTuning = AfterTraining(model.FineTuning), InputShape = data.Info.Features, Loss = settings.Loss, TopK = settings.TopK, Summary = ModelSummary.Of(step), Metrics = metrics, TrainedOn = data.Lineage };
        if (folds is null) { _lastTraining[model.Name] = step; _ensembles.Remove(model.Name); }
        Emit(step, _symbols with { Models = _symbols.Models.SetItem(model.Name, trained) });
    }

    /// <summary>What a transfer leaves for the trainings after the next one: the head is replaced
    /// and the layers unfrozen by then.</summary>
    static Lowering.FineTuneSpec? AfterTraining(Lowering.FineTuneSpec? fine) => fine is null ? null : fine with
    {
        ReplacePending = false,
        Frozen = fine.UnfreezeAfter is null ? fine.Frozen : [],
        UnfreezeAfter = null,
    };

    void CheckEvaluate(EvaluateStatement statement)
    {
        ModelSymbol? model = LookupModel(statement.Model);
        DatasetSymbol? data = LookupDataset(statement.Data);
        var args = BindOrNull(StatementSchema.Evaluate, statement.Arguments, statement.Keyword.Span);
        if (model is null || data is null || args is null) return;
        if (!HasRows(data, statement.Data.Span, "evaluated on")) return;
        if (model.InputShape is not { } input || model.Loss is not { } loss)
        {
            if (_failedTrainings.Contains(model.Name) || ReportOnlyCrossValidated(model, statement.Model)) return;
            _diagnostics.Report(DiagnosticCatalog.ModelNotTrained, statement.Model.Span, model.Name);
            return;
        }
        if (!input.Equals(data.Info.Features))
        {
            _diagnostics.Report(DiagnosticCatalog.LayerInputShape, statement.Data.Span, model.Name, data.Info.Features,
                $"model `{model.Name}` was trained on inputs of shape {input}");
            return;
        }
        if (!CheckNoLeak(data, model.TrainedOn, $"evaluate {model.Name} on {data.Name}", statement.Data.Span)) return;
        if (Plan(model.Definition, input) is not { } plan || !CheckTargets(plan, loss, data, statement.Data.Span)) return;
        if (!model.Metrics.All(m => SameTargets(m, data, statement.Data.Span))) return;
        Emit(new EvaluateStep(model.Name, data.Name, (int)args.Int("batch"), loss, statement.Span) { TopK = model.TopK, Metrics = model.Metrics }, _symbols);
    }

    /// <summary>The loss must get the targets it is defined for, and the model's output must
    /// line up with them (one score per class, or the targets' shape).</summary>
    bool CheckTargets(ModelPlan plan, LossSettings loss, DatasetSymbol data, TextSpan lossSpan)
    {
        if (loss.Snippet is { } snippet) return CheckSnippetTargets(plan, snippet, data, lossSpan);
        DatasetInfo info = data.Info;
        // Without a target shape, a dataset without classes has one real target per sample.
        Shape? realTargets = info.Targets ?? (info.Classes == 0 ? Shape.Of(1) : null);
        string has = realTargets is { } t ? $"real-valued targets of shape {t}" : $"class labels ({info.Classes} classes)";
        TextSpan last = plan.Layers.Length > 0 ? plan.Layers[^1].Layer.Span : lossSpan;
        bool classLabels = realTargets is null;
        switch (loss.Target)
        {
            case LossTarget.Classes:
                if (!classLabels) return Mismatch("class labels");
                if (plan.Output.Rank == 1 && plan.Output.Dims[0] == info.Classes) return true;
                ReportAtLayer(DiagnosticCatalog.OutputWidth, last, plan.Name, plan.Output, data.Name, info.Classes);
                return false;
            case LossTarget.ClassesFromHidden:
                if (!classLabels || info.Classes < 2) return Mismatch("class labels (at least 2 classes)");
                if (plan.Output.Rank == 1) return true;
                ReportAtLayer(DiagnosticCatalog.LayerInputShape, last, loss.Kind, plan.Output, "it classifies a flat hidden vector; add `flatten`");
                return false;
            case LossTarget.Binary when classLabels:
                if (info.Classes != 2) return Mismatch("two classes, or 0/1 targets per output");
                return OutputIs(Shape.Of(1));
            case LossTarget.Binary or LossTarget.MultiLabel:
                return realTargets is { } labels ? OutputIs(labels) : Mismatch("0/1 targets, one column per label");
            default:
                return realTargets is { } values ? OutputIs(values) : Mismatch("real-valued targets (regression data)");
        }

        bool Mismatch(string needs)
        {
            _diagnostics.Report(DiagnosticCatalog.LossTargets, lossSpan, loss.Kind, needs, data.Name, has);
            return false;
        }

        bool OutputIs(Shape targets)
        {
            if (plan.Output.Equals(targets)) return true;
            ReportAtLayer(DiagnosticCatalog.TargetShape, last, plan.Name, plan.Output, data.Name, targets);
            return false;
        }
    }

    /// <summary>Top-k needs class predictions; early stopping needs its metric measured.</summary>
    bool CheckMetrics(TrainSettings settings, BoundArguments args, DatasetSymbol data, bool validates)
    {
        if (settings.TopK is { } k)
        {
            TextSpan span = args.SpanOf("top_k")!.Value;
            if (!settings.Loss.HasTopK)
            {
                _diagnostics.Report(DiagnosticCatalog.MetricNotMeasured, span, "top_k", $"loss `{settings.Loss.Kind}` does not predict one class per sample");
                return false;
            }
            if (k > data.Info.Classes)
            {
                _diagnostics.Report(DiagnosticCatalog.ArgumentRange, span, "top_k", "train", $"at most {data.Info.Classes} (the classes of `{data.Name}`)", k);
                return false;
            }
        }
        // The metric a reduce_on_plateau schedule watches: reported at the schedule's argument.
        if (_symbols.Schedule is { Kind: var kind } schedule && kind == ScheduleSchema.ReduceOnPlateau.Name
            && Unmeasured(schedule.Arguments.Text("metric"), settings, validates) is { } why)
        {
            _diagnostics.Report(DiagnosticCatalog.MetricNotMeasured, schedule.Arguments.SpanOf("metric") ?? schedule.Span,
                schedule.Arguments.Text("metric"), why + $" (the `schedule {kind}` watches it)");
            return false;
        }
        // A C# metric's name is checked with the C# metrics (CheckSnippetMetrics).
        if (settings.EarlyStop is not { } stop || !OptionGroupSchema.Metrics.Contains(stop.Metric)) return true;
        if (Unmeasured(stop.Metric, settings, validates) is not { } missing) return true;
        _diagnostics.Report(DiagnosticCatalog.MetricNotMeasured, args.SpanOf("early_stop")!.Value, stop.Metric, missing);
        return false;
    }

    /// <summary>What a training must add to measure a built-in metric each epoch; null when it does.</summary>
    static string? Unmeasured(string metric, TrainSettings settings, bool validates) => metric switch
    {
        _ when metric.StartsWith("val_", StringComparison.Ordinal) && !validates => "add `validate=` with a held-out split",
        _ when metric.EndsWith("topk", StringComparison.Ordinal) && settings.TopK is null => "add `top_k=`",
        _ when metric.EndsWith("acc", StringComparison.Ordinal) && !settings.Loss.HasAccuracy => $"loss `{settings.Loss.Kind}` makes no class predictions",
        _ => null,
    };
}

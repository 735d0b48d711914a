using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

/// <summary>Lints of training and evaluation: the loss against the model's end, where the
/// preprocessing statistics came from, weight decay on the wrong parameters, and capacity
/// against data without regularization.</summary>
internal sealed partial class Checker
{
    /// <summary>"Parameters ≫ samples": this many parameters per training sample or more.</summary>
    const long CapacityRatio = 10;

    void LintOptimizer(OptimizerSettings optimizer)
    {
        BoundArguments args = optimizer.Arguments;
        if (!args.Flag("decay_all") || args.Number("weight_decay") <= 0) return;
        Warn(DiagnosticCatalog.DecayOnBiases, args.SpanOf("decay_all") ?? optimizer.Span, $"λ = {Number(args.Number("weight_decay"))}");
    }

    void LintTraining(TrainStep step, TrainStatement statement, SessionSymbols before, ScriptSyntax syntax)
    {
        ModelDefinition? here = DefinedHere(step.Plan);
        LintInitScale(step.Plan, here, statement.Model.Span);
        LintOutputActivation(step.Plan, step.Settings.Loss, here, step.Settings.Arguments.SpanOf("loss") ?? statement.Model.Span);
        if (step.Validate is { } validate && FittedOn(before).Contains(validate))
            Warn(DiagnosticCatalog.PreprocessingLeak, step.Settings.Arguments.SpanOf("validate") ?? statement.Span, validate, $"validates `{step.Model}`", step.Data);
        LintCapacity(step, statement, before, syntax);
        if (step.Settings.Loss.Snippet is null && before.Datasets.GetValueOrDefault(step.Data)?.Info is { Classes: 1, Targets: null })
            Warn(DiagnosticCatalog.SingleClass, statement.Data.Span, step.Data);
    }

    void LintEvaluation(EvaluateStep step, EvaluateStatement statement, SessionSymbols before)
    {
        // Only when this source shows the model trained on other data: evaluating on the split
        // the statistics came from is fine when it is also the training split.
        var trainings = _steps.OfType<TrainStep>().Where(t => t.Model == step.Model && t.Span.Start < step.Span.Start).ToList();
        if (trainings.Count > 0 && trainings.All(t => t.Data != step.Data) && FittedOn(before).Contains(step.Data))
            Warn(DiagnosticCatalog.PreprocessingLeak, statement.Data.Span, step.Data, $"evaluates `{step.Model}`", trainings[^1].Data);
    }

    static HashSet<string> FittedOn(SessionSymbols symbols) =>
        symbols.Preprocessing.Select(p => p.FitOn).OfType<string>().ToHashSet(StringComparer.Ordinal);

    void LintCapacity(TrainStep step, TrainStatement statement, SessionSymbols before, ScriptSyntax syntax)
    {
        // On folds: the rows each copy trains on (all but one fold).
        long? known = before.Datasets.GetValueOrDefault(step.Data)?.Info.Rows ?? before.Folds.GetValueOrDefault(step.Data)?.TrainRows;
        if (known is not { } rows || rows <= 0) return;
        long parameters = step.Plan.Parameters + step.LossParameters;
        if (parameters < CapacityRatio * rows || IsRegularized(step, statement, syntax)) return;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var fixes = new List<string> { "`dropout` after the hidden layers", "`weight_decay=` on the optimizer" };
        if (step.Settings.Loss.Arguments.Spec.Find("label_smoothing") is not null) fixes.Add($"`loss={step.Settings.Loss.Kind}(label_smoothing=0.1)`");
        if (!StatementSchema.Regularize.Planned) fixes.Add($"a `regularize {step.Model} {{ … }}` block");
        string list = fixes.Count == 1 ? fixes[0] : string.Join(", ", fixes.Take(fixes.Count - 1)) + " or " + fixes[^1];
        Warn(DiagnosticCatalog.UnregularizedCapacity, statement.Model.Span, step.Model, parameters.ToString("N0", culture),
            rows.ToString("N0", culture), step.Data, (parameters / rows).ToString("N0", culture), list);
    }

    /// <summary>Anything that limits how well the model can fit noise: dropout or DropConnect,
    /// weight decay, label smoothing, or a `regularize` block for the model.</summary>
    static bool IsRegularized(TrainStep step, TrainStatement statement, ScriptSyntax syntax)
    {
        bool dropout = step.Plan.Layers.SelectMany(l => l.Descendants()).Any(l => l.Layer.Kind == "dropout" && l.Layer.Arguments.Number("p") > 0
            || l.Layer.Kind == "dense" && l.Layer.Arguments.Number("dropconnect") > 0);
        bool decay = step.Optimizer.Arguments.Number("weight_decay") > 0;
        bool smoothing = step.Settings.Loss.Arguments.Spec.Find("label_smoothing") is not null && step.Settings.Loss.Arguments.Number("label_smoothing") > 0;
        bool block = step.Regularization is not null;
        return dropout || decay || smoothing || block;
    }
}

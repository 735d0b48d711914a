using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>The lints (NS05xx, grammar/lints.md): after every statement is checked, the checked
/// steps are read for advice — how weights start, which activations hide where,
/// what the loss expects, where preprocessing was fitted, whether a big model is regularized.
/// Warnings only: they never stop a script. A lint that needs shapes runs on `train`, and
/// points at the model's lines when the model was defined in this source (in the REPL it may
/// have come from an earlier submission; then it points at the `train` statement).</summary>
internal sealed partial class Checker
{
    // Each lint once per place, however often a model is trained.
    readonly HashSet<(string Id, TextSpan Span)> _linted = new();

    void Lint(ScriptSyntax syntax, SessionSymbols initial)
    {
        var statements = new Dictionary<TextSpan, Statement>();
        foreach (Statement statement in syntax.Statements)
            statements.TryAdd(statement.Span, statement);
        for (int i = 0; i < _steps.Count; i++)
        {
            SessionSymbols before = i == 0 ? initial : _symbolsAfter[i - 1];
            PipelineStep step = _steps[i];
            switch (step)
            {
                case ModelStep model:
                    LintDefinition(model.Model);
                    break;
                case OptimizerStep optimizer:
                    LintOptimizer(optimizer.Optimizer);
                    break;
                case TrainStep train when statements.GetValueOrDefault(step.Span) is TrainStatement statement:
                    LintTraining(train, statement, before, syntax);
                    break;
                case EvaluateStep evaluate when statements.GetValueOrDefault(step.Span) is EvaluateStatement statement:
                    LintEvaluation(evaluate, statement, before);
                    break;
            }
        }
    }

    void Warn(DiagnosticDescriptor lint, TextSpan span, params object?[] args)
    {
        if (_linted.Add((lint.Id, span))) _diagnostics.Report(lint, span, args);
    }

    /// <summary>The `model` step of this source that declared <paramref name="plan"/>'s layers, if any.</summary>
    ModelDefinition? DefinedHere(ModelPlan plan) => _steps.OfType<ModelStep>()
        .Select(s => s.Model)
        .LastOrDefault(m => m.Layers.Length > 0 && plan.Layers.Length > 0 && ReferenceEquals(m.Layers[0], plan.Layers[0].Layer));

    static string Number(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}

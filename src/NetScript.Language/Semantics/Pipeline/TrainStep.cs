using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record TrainStep(
    string Model, string Data, string? Validate, TrainSettings Settings, ModelPlan Plan, OptimizerSettings Optimizer, TextSpan Span)
    : PipelineStep(Span)
{
    /// <summary>Parameters the loss owns (hierarchical softmax's output layer), beside the model's.</summary>
    public long LossParameters { get; init; }

    /// <summary>The learning-rate schedule in force (null: the optimizer's rate throughout).</summary>
    public ScheduleSettings? Schedule { get; init; }

    /// <summary>The model's `regularize` block (null: none). Its weight decay and label
    /// smoothing are already folded into <see cref="Optimizer"/> and the loss.</summary>
    public RegularizationSettings? Regularization { get; init; }

    /// <summary>C# metrics (`metrics=[…]`, and one `early_stop` watches) measured on the
    /// validation data after every epoch.</summary>
    public ImmutableArray<SnippetUse> Metrics { get; init; } = [];

    /// <summary>Set when <see cref="Data"/> names the folds of a `kfold` statement: the step
    /// cross-validates fresh copies instead of training the model.</summary>
    public CrossValidation? Folds { get; init; }

    /// <summary>Set for a model made by `transfer`: what is frozen, replaced and how fast each part learns.</summary>
    public Lowering.FineTuneSpec? FineTuning { get; init; }
}

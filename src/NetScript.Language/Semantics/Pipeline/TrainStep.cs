using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record TrainStep(
    string Model, string Data, string? Validate, TrainSettings Settings, ModelPlan Plan, OptimizerSettings Optimizer, TextSpan Span)
    : PipelineStep(Span)
{
    /// <summary>Parameters the loss owns (hierarchical softmax's output layer), beside the model's.</summary>
    public long LossParameters { get; init; }
}

using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record TrainStep(
    string Model, string Data, string? Validate, TrainSettings Settings, ModelPlan Plan, OptimizerSettings Optimizer, TextSpan Span)
    : PipelineStep(Span);

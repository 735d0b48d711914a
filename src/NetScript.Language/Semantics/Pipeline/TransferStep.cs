using NetScript.Language.Lowering;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A checked <c>transfer MODEL from "PATH" … [as TARGET]</c>: <see cref="Plan"/> is the
/// model's architecture at the input shape the weights were trained on.</summary>
public sealed record TransferStep(string Model, string Target, string Path, ModelPlan Plan, FineTuneSpec FineTuning, TextSpan Span)
    : PipelineStep(Span);

using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>transfer</c>: build <see cref="Network"/> (the source model's
/// architecture bound to its input shape), load the weights of <see cref="Path"/> (a `.nnsm`
/// model file or a `.ckpt` checkpoint) into it, and keep it under <see cref="Target"/> with
/// <see cref="FineTuning"/> for its next trainings.</summary>
public sealed record TransferPlan(string Model, string Target, string Path, ModelSpec Network, FineTuneSpec FineTuning, TextSpan Span)
    : PipelineStep(Span);

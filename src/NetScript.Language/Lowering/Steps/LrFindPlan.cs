using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A lowered `lr_find`: <see cref="Steps"/> mini-batches of <see cref="Train"/>'s
/// training with the learning rate <c>Start·(End/Start)^(i/(Steps−1))</c> at step i; the
/// model's weights are restored afterwards.</summary>
public sealed record LrFindPlan(string Model, string Data, double Start, double End, int Steps, TrainPlan Train, TextSpan Span) : PipelineStep(Span);

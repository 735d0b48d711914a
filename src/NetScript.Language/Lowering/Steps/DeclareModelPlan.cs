using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A <c>model</c> statement: forgets any module built under <see cref="Name"/>; the
/// model is built when a training first meets data (its <see cref="TrainPlan.Network"/>).</summary>
public sealed record DeclareModelPlan(string Name, TextSpan Span) : PipelineStep(Span);

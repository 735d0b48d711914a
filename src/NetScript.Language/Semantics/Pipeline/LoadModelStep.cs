using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>load model "m.nnsm" as NAME</c>: builds the file's model with its weights; it
/// can then be evaluated, trained further or exported like a trained model.</summary>
public sealed record LoadModelStep(string Name, string Path, ModelPlan Plan, int Classes, TextSpan Span) : PipelineStep(Span);

using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A checked program lowered for the runtime: one step per checked step, in the same
/// order (a host commits "the first N steps that ran" against either). Steps that carried
/// bound arguments are replaced by typed plans (<see cref="LoadPlan"/>,
/// <see cref="PreprocessPlan"/>, <see cref="TrainPlan"/>, <see cref="EvaluatePlan"/>,
/// <see cref="DeclareModelPlan"/>, <see cref="NoOpPlan"/>); the rest (seed, threads, split,
/// kfold, commands) already hold plain values and pass through.</summary>
public sealed record ProgramPlan(SourceText Source, ImmutableArray<PipelineStep> Steps);

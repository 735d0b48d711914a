using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Cuts <see cref="Source"/> into <see cref="K"/> folds (seeded, optionally
/// stratified) under <see cref="Name"/>, keeping the rows as they are now: preprocessing
/// fitted later does not change them, it is fitted per fold when they are trained on.</summary>
public sealed record KfoldStep(string Name, string Source, int K, bool Stratify, long Seed, TextSpan Span) : PipelineStep(Span);

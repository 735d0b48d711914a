using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record SplitStep(string Source, ImmutableArray<SplitPart> Parts, bool Stratify, long Seed, TextSpan Span)
    : PipelineStep(Span);

using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record SeedStep(long Seed, TextSpan Span) : PipelineStep(Span);

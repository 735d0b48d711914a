using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>Loads (or generates) <see cref="Source"/> under <see cref="Name"/>, applying the
/// session's fitted preprocessing when <see cref="ApplyPreprocessing"/>.</summary>
public sealed record LoadPlan(string Name, DataSourceSpec Source, bool ApplyPreprocessing, TextSpan Span) : PipelineStep(Span);

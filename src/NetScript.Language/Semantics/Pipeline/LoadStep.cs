using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Loads (or generates) a dataset under <see cref="Name"/>. When preprocessing was
/// fitted earlier in the session it is applied to the new data too.</summary>
public sealed record LoadStep(string Name, DatasetSource Source, DatasetInfo Info, bool ApplyPreprocessing, TextSpan Span)
    : PipelineStep(Span);

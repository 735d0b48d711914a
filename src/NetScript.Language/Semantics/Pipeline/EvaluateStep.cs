using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record EvaluateStep(string Model, string Data, int BatchSize, LossSettings Loss, TextSpan Span) : PipelineStep(Span)
{
    /// <summary>Also measure top-k accuracy (as the model's training did).</summary>
    public int? TopK { get; init; }

    /// <summary>The C# metrics the model's training measured, measured here too.</summary>
    public ImmutableArray<SnippetUse> Metrics { get; init; } = [];
}

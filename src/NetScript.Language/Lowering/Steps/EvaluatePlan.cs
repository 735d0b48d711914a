using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>Measures <see cref="Model"/> on <see cref="Data"/> with the loss it trained with.</summary>
public sealed record EvaluatePlan(string Model, string Data, int BatchSize, TextSpan Span) : PipelineStep(Span)
{
    /// <summary>Also measure top-k accuracy (as the model's training did).</summary>
    public int? TopK { get; init; }

    /// <summary>The C# metrics the model's training measured, measured here too.</summary>
    public ImmutableArray<SnippetUse> Metrics { get; init; } = [];
}

using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A model as declared: its layers in order and its <c>init</c> line (null: PyTorch's
/// default init). Shapes are fixed when it meets data (<see cref="ModelPlan"/>).</summary>
public sealed record ModelDefinition(string Name, ImmutableArray<LayerDefinition> Layers, TextSpan Span)
{
    public InitSettings? Init { get; init; }

    /// <summary>The submission the block was written in (a REPL session has many), so errors
    /// found later, when the model meets data, quote the block's own line.</summary>
    public SourceText? Source { get; init; }
}

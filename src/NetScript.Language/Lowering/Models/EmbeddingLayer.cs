using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lookup table (B, L) integer ids → (B, dim, L), channels first as conv1d reads them.</summary>
public sealed record EmbeddingLayer(long Vocab, long Dim) : LayerOperation(LayerSchema.Embedding.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("vocab", Vocab), ("dim", Dim)];
}

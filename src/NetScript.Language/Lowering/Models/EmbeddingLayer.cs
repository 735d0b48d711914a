using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lookup table (B, L) integer ids → (B, L, dim).</summary>
public sealed record EmbeddingLayer(long Vocab, long Dim) : LayerOperation(LayerSchema.Embedding.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("vocab", Vocab), ("dim", Dim)];
}

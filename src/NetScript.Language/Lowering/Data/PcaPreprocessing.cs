using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Projects onto the top <see cref="K"/> principal components (all when null), optionally whitened.</summary>
public sealed record PcaPreprocessing(long? K, bool Whiten, double Eps) : PreprocessingSpec(PreprocessingSchema.Pca.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("k", K), ("whiten", Whiten), ("eps", Eps)];
}

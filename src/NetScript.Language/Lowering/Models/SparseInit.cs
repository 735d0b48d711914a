using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Each unit gets <see cref="K"/> nonzero incoming weights ~ N(0, std²).</summary>
public sealed record SparseInit(long K, double Std, double Bias, bool ZeroResidual) : InitSpec(InitSchema.Sparse.Name, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("k", K), ("std", Std)];
}

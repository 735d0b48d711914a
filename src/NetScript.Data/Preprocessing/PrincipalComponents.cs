using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>The eigen-decomposition of the fit split's covariance, as usual:
/// X −= mean; cov = XᵀX / N; U, S = eig(cov). Eigenvalues come in decreasing order and each
/// eigenvector's sign is fixed (its largest component positive) so results are reproducible.</summary>
internal static class PrincipalComponents
{
    /// <returns>mean (1, D), eigenvalues (D) and eigenvectors as columns (D, D), float32.</returns>
    public static (Tensor Mean, Tensor Values, Tensor Vectors) Fit(Tensor features, string kind)
    {
        if (features.shape[0] < 2) throw new DataException($"`{kind}` needs at least two rows to estimate a covariance");
        using var _ = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor x = features.reshape(features.shape[0], -1);                       // (N, D)
        Tensor mean = x.mean([0], keepdim: true);                                   // (1, D)
        Tensor centered = x - mean;
        Tensor covariance = centered.t().mm(centered).to_type(ScalarType.Float64).div(s.Of(x.shape[0])); // (D, D)
        var (values, vectors) = linalg.eigh(covariance);                            // ascending
        values = values.flip(0).clamp_min(s.Of(0));                                      // rounding can leave tiny negatives
        vectors = vectors.flip(1);
        Tensor largest = vectors.abs().argmax(0, keepdim: true);                   // (1, D)
        Tensor signs = vectors.gather(0, largest).sign();
        vectors = vectors * signs.where(signs.ne(s.Of(0)), ones_like(signs));
        return (mean.detach().MoveToOuterDisposeScope(),
            values.to_type(ScalarType.Float32).MoveToOuterDisposeScope(),
            vectors.to_type(ScalarType.Float32).MoveToOuterDisposeScope());
    }
}

using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>PCA to k dimensions: samples are flattened, centered with the fit split's mean
/// and projected onto its k leading eigenvectors (Xrot_reduced = X·U[:, :k]), so the output
/// covariance is diagonal with the k largest eigenvalues. With whitening each component is
/// divided by √(λ + eps) (Xwhite = Xrot / √(S + eps)) so the covariance becomes ≈ identity;
/// eps keeps near-zero components from exploding (whitening amplifies noise).</summary>
public sealed class PcaTransform : FittedTransform
{
    public const string Name = "pca";

    PcaTransform(Tensor mean, Tensor components, Tensor variances, bool whiten, double eps)
        : base(Name, [new("whiten", whiten), new("eps", eps)], ("mean", mean), ("components", components), ("variances", variances))
    {
        Whiten = whiten;
        Eps = eps;
    }

    public bool Whiten { get; }

    public double Eps { get; }

    /// <summary>Eigenvectors as columns (D, k).</summary>
    public Tensor Components => Statistic("components");

    /// <summary>Eigenvalues λ₁ ≥ … ≥ λₖ: the variance along each component (k).</summary>
    public Tensor Variances => Statistic("variances");

    /// <param name="components">k; null keeps every dimension (a rotation that decorrelates).</param>
    public static PcaTransform Fit(Tensor features, int? components, bool whiten, double eps)
    {
        long size = features.shape[1..].Aggregate(1L, (a, d) => a * d);
        int k = components ?? (int)size;
        if (k < 1 || k > size) throw new DataException($"`{Name}` can keep 1 to {size} components of these samples, not {k}");
        var (mean, values, vectors) = PrincipalComponents.Fit(features, Name);
        using var _ = NewDisposeScope();
        using (values)
        using (vectors)
            return new PcaTransform(mean, Keep(vectors.narrow(1, 0, k).contiguous()), Keep(values.narrow(0, 0, k).contiguous()), whiten, eps);
    }

    public static PcaTransform FromState(TransformState state) => new(Tensor(state, "mean"), Tensor(state, "components"),
        Tensor(state, "variances"), Parameter(state, "whiten") == "true", Number(state, "eps"));

    protected override Tensor Transform(Tensor features, ScalarScope s)
    {
        Tensor x = features.reshape(features.shape[0], -1) - Statistic("mean"); // (N, D)
        Tensor projected = x.mm(Components);                                    // (N, k)
        return Whiten ? projected / Variances.Plus(Eps, s).sqrt() : projected;
    }
}

using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>ZCA whitening: x' = (x − mean)·W with W = U·diag(1/√(λ + eps))·Uᵀ. Like PCA
/// whitening the covariance becomes ≈ identity, but rotated back to the original axes, so
/// images still look like images; W is symmetric. The sample shape is kept.</summary>
public sealed class ZcaTransform : FittedTransform
{
    public const string Name = "zca";

    ZcaTransform(Tensor mean, Tensor matrix, double eps)
        : base(Name, [new("eps", eps)], ("mean", mean), ("matrix", matrix))
    {
        Eps = eps;
    }

    public double Eps { get; }

    /// <summary>W (D, D).</summary>
    public Tensor Matrix => Statistic("matrix");

    public static ZcaTransform Fit(Tensor features, double eps)
    {
        var (mean, values, vectors) = PrincipalComponents.Fit(features, Name);
        using var _ = NewDisposeScope();
        using var s = new ScalarScope();
        using (values)
        using (vectors)
        {
            Tensor matrix = (vectors * values.Plus(eps, s).rsqrt()).mm(vectors.t()); // U·diag(1/√(λ+eps))·Uᵀ
            return new ZcaTransform(mean, Keep(matrix), eps);
        }
    }

    public static ZcaTransform FromState(TransformState state) => new(Tensor(state, "mean"), Tensor(state, "matrix"), Number(state, "eps"));

    protected override Tensor Transform(Tensor features, ScalarScope s)
    {
        Tensor x = features.reshape(features.shape[0], -1) - Statistic("mean"); // (N, D)
        return x.mm(Matrix).reshape(features.shape);
    }
}

using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>x' = (x − μ) / (σ + eps) per feature, μ and σ (population std, as scikit-learn's
/// StandardScaler) computed over the rows of the fit split.</summary>
public sealed class StandardizeTransform : IFittedTransform
{
    readonly Tensor _mean; // (1, …) broadcasts over the batch
    readonly Tensor _scale;

    StandardizeTransform(Tensor mean, Tensor scale, float[] std)
    {
        _mean = mean;
        _scale = scale;
        State = new Dictionary<string, float[]>
        {
            ["mean"] = mean.data<float>().ToArray(),
            ["std"] = std,
        };
    }

    public string Kind => "standardize";

    public IReadOnlyDictionary<string, float[]> State { get; }

    public static StandardizeTransform Fit(Tensor features, double eps)
    {
        if (features.shape[0] < 1) throw new DataException("cannot fit `standardize` on an empty split");
        using var scope = NewDisposeScope();
        Tensor mean = features.mean([0L], keepdim: true);                  // (1, …)
        Tensor std = features.std(0, unbiased: false, keepdim: true);      // (1, …)
        Tensor scale = std + eps;
        return new StandardizeTransform(mean.MoveToOuterDisposeScope(), scale.MoveToOuterDisposeScope(), std.data<float>().ToArray());
    }

    public Tensor Apply(Tensor features)
    {
        using var scope = NewDisposeScope();
        return ((features - _mean) / _scale).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _mean.Dispose();
        _scale.Dispose();
    }
}

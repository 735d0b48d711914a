using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>AlexNet's PCA colour augmentation: the principal components uᵢ and variances
/// λᵢ of the training pixels' channel covariance (C×C) are fitted once; each image then
/// gets Σᵢ αᵢ·√λᵢ·uᵢ added to every pixel, αᵢ ~ N(0, std²). √λ (a standard deviation) keeps
/// the shift proportional to the data's own spread whatever the pixel scale. Clamped to the
/// training data's range.</summary>
public sealed class PcaColorNoise : IAugmentation, IDisposable
{
    readonly Tensor _vectors; // (C, C), columns are components
    readonly Tensor _scales;  // (C) √λ
    readonly double _std;
    readonly ValueRange _range;

    PcaColorNoise(Tensor vectors, Tensor scales, double std, ValueRange range)
    {
        _vectors = vectors;
        _scales = scales;
        _std = std;
        _range = range;
    }

    public string Kind => "pca_noise";

    /// <summary>Eigenvalues λ (C), decreasing.</summary>
    public float[] Variances => (_scales * _scales).data<float>().ToArray();

    public static PcaColorNoise Fit(Tensor images, double std, ValueRange range)
    {
        AugmentationMath.RequireImages(images, "pca_noise");
        long c = images.shape[1];
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor pixels = images.transpose(0, 1).reshape(c, -1).to_type(ScalarType.Float64);  // (C, N·H·W)
        Tensor centered = pixels - pixels.mean([1], keepdim: true);
        Tensor covariance = centered.mm(centered.t()).div(s.Of(pixels.shape[1]));            // (C, C)
        var (values, vectors) = linalg.eigh(covariance);
        Tensor scales = values.flip(0).clamp_min(s.Of(0)).sqrt().to_type(ScalarType.Float32);
        return new PcaColorNoise(vectors.flip(1).to_type(ScalarType.Float32).MoveToOuterDisposeScope(), scales.MoveToOuterDisposeScope(), std, range);
    }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0], c = batch.shape[1];
        if (c != _vectors.shape[0]) throw new DataException($"`pca_noise` was fitted on {_vectors.shape[0]}-channel images, not {c}");
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor alpha = randn(b, c, generator: generator).mul(s.Of(_std));                     // (B, C)
        Tensor shift = (alpha * _scales).mm(_vectors.t());                                     // (B, C): Σᵢ αᵢ√λᵢ uᵢ
        return AugmentationMath.Clamp(batch.Plus(shift.view(b, c, 1, 1), s), _range, s).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _scales.Dispose();
    }
}

using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>Every step against a hand computation (the notes' numpy one-liners).</summary>
[Collection(TorchCollection.Name)]
public sealed class PreprocessingTests
{
    // Four points with mean 0 and covariance [[2.5, 1.5], [1.5, 2.5]]: eigenvalue 4 along
    // (1, 1)/√2 and 1 along (1, −1)/√2.
    static readonly float[] Points = [2, 2, -2, -2, 1, -1, -1, 1];
    static readonly double Root2 = Math.Sqrt(2);

    [Fact]
    public void Zero_center_subtracts_the_mean_per_feature_per_channel_or_globally()
    {
        using var x = tensor(new float[] { 1, 10, 3, 20, 5, 60 }).reshape(3, 2);
        using (var t = CenterTransform.Fit(x, StatisticScope.PerFeature))
            Assert.Equal([-2f, -20, 0, -10, 2, 30], Values(t.Apply(x)));       // means 3 and 30
        using (var t = CenterTransform.Fit(x, StatisticScope.Global))
            Assert.Equal([-15.5f, -6.5f, -13.5f, 3.5f, -11.5f, 43.5f], Values(t.Apply(x))); // mean 16.5

        // Two images (C=2, H=1, W=2): channel 0 holds 1, 3, 5, 7 (mean 4), channel 1 holds 10, 20, 30, 40 (mean 25).
        using var images = tensor(new float[] { 1, 3, 10, 20, 5, 7, 30, 40 }).reshape(2, 2, 1, 2);
        using var channel = CenterTransform.Fit(images, StatisticScope.PerChannel);
        Assert.Equal([1L, 2, 1, 1], channel.State.Tensors["mean"].Shape);
        Assert.Equal([-3f, -1, -15, -5, 1, 3, 5, 15], Values(channel.Apply(images)));
        using var meanImage = CenterTransform.Fit(images, StatisticScope.PerFeature); // AlexNet's mean image
        Assert.Equal([3f, 5, 20, 30], meanImage.State.Tensors["mean"].Values);
    }

    [Fact]
    public void Standardize_divides_by_the_population_std_per_channel()
    {
        using var images = tensor(new float[] { 1, 3, 10, 20, 5, 7, 30, 40 }).reshape(2, 2, 1, 2);
        using var t = StandardizeTransform.Fit(images, StatisticScope.PerChannel, eps: 0);
        double std0 = Math.Sqrt((9 + 1 + 1 + 9) / 4.0);         // channel 0 around 4
        double std1 = Math.Sqrt((225 + 25 + 25 + 225) / 4.0);   // channel 1 around 25
        Assert.Equal([-3 / std0, -1 / std0, -15 / std1, -5 / std1, 1 / std0, 3 / std0, 5 / std1, 15 / std1],
            Values(t.Apply(images)).Select(v => (double)v), new Tolerance(1e-6));
    }

    [Fact]
    public void Minmax_maps_the_fit_range_to_minus_one_one_and_a_constant_feature_to_low()
    {
        using var x = tensor(new float[] { 1, 4, 3, 4, 5, 4 }).reshape(3, 2);
        using var t = MinMaxTransform.Fit(x, StatisticScope.PerFeature, -1, 1);
        Assert.Equal([-1f, -1, 0, -1, 1, -1], Values(t.Apply(x)));
        using var outside = tensor(new float[] { 7, 4 }).reshape(1, 2);
        Assert.Equal([2f, -1], Values(t.Apply(outside))); // beyond the fit range: beyond [−1, 1]
    }

    [Fact]
    public void Scale_multiplies()
    {
        using var x = tensor(new float[] { 0, 51, 255 }).reshape(3, 1);
        using var t = new ScaleTransform(1.0 / 255);
        Assert.Equal([0, 0.2, 1], Values(t.Apply(x)).Select(v => (double)v), new Tolerance(1e-6));
    }

    [Fact]
    public void Pca_projects_onto_the_leading_eigenvectors()
    {
        using var x = tensor(Points).reshape(4, 2);
        using var one = PcaTransform.Fit(x, 1, whiten: false, eps: 0);
        Assert.Equal([1 / Root2, 1 / Root2], Peek(one.Components).Select(v => (double)v), new Tolerance(1e-6));
        Assert.Equal([2 * Root2, -2 * Root2, 0, 0], Values(one.Apply(x)).Select(v => (double)v), new Tolerance(1e-5));

        using var both = PcaTransform.Fit(x, null, whiten: false, eps: 0);
        Assert.Equal([4.0, 0, 0, 1], Covariance(both.Apply(x)), new Tolerance(1e-5)); // diagonal: the eigenvalues
        using var white = PcaTransform.Fit(x, null, whiten: true, eps: 1e-5);
        Assert.Equal([4 / (4 + 1e-5), 0, 0, 1 / (1 + 1e-5)], Covariance(white.Apply(x)), new Tolerance(1e-5));
    }

    [Fact]
    public void Pca_on_correlated_data_has_a_diagonal_covariance_of_decreasing_variances_and_whitens_to_identity()
    {
        using var x = Correlated(rows: 2000, features: 6, seed: 5);
        using var pca = PcaTransform.Fit(x, 3, whiten: false, eps: 0);
        double[] c = Covariance(pca.Apply(x));
        float[] lambda = Peek(pca.Variances);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(i == j ? lambda[i] : 0, c[i * 3 + j], 1e-3 * lambda[0]);
        Assert.True(lambda[0] > lambda[1] && lambda[1] > lambda[2]);

        using var white = PcaTransform.Fit(x, 3, whiten: true, eps: 1e-8);
        double[] identity = Covariance(white.Apply(x));
        Assert.Equal([1.0, 0, 0, 0, 1, 0, 0, 0, 1], identity, new Tolerance(1e-3));
    }

    [Fact]
    public void Zca_matrix_is_symmetric_whitens_to_identity_and_keeps_the_shape()
    {
        using var x = tensor(Points).reshape(4, 2);
        using var exact = ZcaTransform.Fit(x, eps: 0);
        // U·diag(1/√λ)·Uᵀ = ½·½·[[1,1],[1,1]] + 1·½·[[1,−1],[−1,1]]
        Assert.Equal([0.75, -0.25, -0.25, 0.75], Peek(exact.Matrix).Select(v => (double)v), new Tolerance(1e-6));

        using var images = Correlated(rows: 3000, features: 4, seed: 9).reshape(3000, 1, 2, 2);
        using var zca = ZcaTransform.Fit(images, eps: 1e-8);
        Tensor w = zca.Matrix;
        Assert.True(w.allclose(w.t(), rtol: 0, atol: 1e-5), "ZCA matrix must be symmetric");
        using Tensor output = zca.Apply(images);
        Assert.Equal([3000L, 1, 2, 2], output.shape);
        Assert.Equal([1.0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], Covariance(output.reshape(3000, 4)), new Tolerance(1e-3));
    }

    [Fact]
    public void Every_transform_round_trips_through_its_json_state()
    {
        using var images = Correlated(rows: 50, features: 8, seed: 3).reshape(50, 2, 2, 2);
        IFittedTransform[] fitted =
        [
            CenterTransform.Fit(images, StatisticScope.PerChannel),
            StandardizeTransform.Fit(images, StatisticScope.PerFeature, 1e-8),
            MinMaxTransform.Fit(images, StatisticScope.Global, -1, 1),
            new ScaleTransform(0.5),
            ZcaTransform.Fit(images, 0.1),
            PcaTransform.Fit(images, 3, whiten: true, eps: 1e-5),
        ];
        string json = PreprocessingState.Capture(fitted).ToJson();
        var restored = PreprocessingState.FromJson(json).Restore();
        Assert.Equal(fitted.Select(f => f.Kind), restored.Select(r => r.Kind));
        using Tensor expected = PreprocessingState.Apply(fitted, images);
        using Tensor actual = PreprocessingState.Apply(restored, images);
        Assert.Equal([50L, 3], actual.shape);
        Assert.Equal(Values(expected), Values(actual));
        foreach (var t in fitted.Concat(restored)) t.Dispose();
    }

    [Fact]
    public void Applying_a_fitted_transform_never_refits_it()
    {
        using var train = tensor(new float[] { 0, 2, 4 }).reshape(3, 1);
        using var other = tensor(new float[] { 100, 300 }).reshape(2, 1);
        using var t = StandardizeTransform.Fit(train, StatisticScope.PerFeature, 0);
        string before = PreprocessingState.Capture([t]).ToJson();
        Assert.Equal([(100 - 2) / Math.Sqrt(8.0 / 3), (300 - 2) / Math.Sqrt(8.0 / 3)], Values(t.Apply(other)).Select(v => (double)v), new Tolerance(1e-4));
        Assert.Equal(before, PreprocessingState.Capture([t]).ToJson());
    }

    /// <summary>The values of a tensor the transform owns (not disposed).</summary>
    static float[] Peek(Tensor t) => t.contiguous().data<float>().ToArray();

    static float[] Values(Tensor t)
    {
        using (t) return t.contiguous().data<float>().ToArray();
    }

    /// <summary>Population covariance of (N, D) computed by hand in double, row-major (D·D).</summary>
    static double[] Covariance(Tensor output)
    {
        using (output)
        {
            int n = (int)output.shape[0], d = (int)output.shape[1];
            float[] v = output.contiguous().data<float>().ToArray();
            var mean = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Average(i => (double)v[i * d + j])).ToArray();
            var c = new double[d * d];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    c[a * d + b] = Enumerable.Range(0, n).Sum(i => (v[i * d + a] - mean[a]) * (v[i * d + b] - mean[b])) / n;
            return c;
        }
    }

    /// <summary>Gaussian rows mixed by a fixed matrix, so features are correlated with distinct variances.</summary>
    static Tensor Correlated(int rows, int features, long seed)
    {
        var random = new SeededRandom(seed);
        var z = Enumerable.Range(0, rows * features).Select(_ => (float)random.NextGaussian()).ToArray();
        var mix = Enumerable.Range(0, features * features).Select(i => (float)((i % (features + 1) == 0 ? features - i / features : 0.3) * 0.5)).ToArray();
        using var zt = tensor(z).reshape(rows, features);
        using var m = tensor(mix).reshape(features, features);
        return zt.mm(m) + 3;
    }

    sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}

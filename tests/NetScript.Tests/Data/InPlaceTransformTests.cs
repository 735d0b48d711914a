using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>Elementwise steps applied to a tensor the caller owns overwrite it instead of
/// allocating another of the dataset's size, with exactly the values of a fresh application.</summary>
[Collection(TorchCollection.Name)]
public sealed class InPlaceTransformTests
{
    [Fact]
    public void Scale_standardize_and_center_overwrite_an_owned_tensor_with_the_same_values()
    {
        manual_seed(5);
        using Tensor x = randn(64, 3, 4, 4) * 7 + 2;
        IFittedTransform[] transforms =
        [
            new ScaleTransform(1.0 / 255),
            StandardizeTransform.Fit(x, StatisticScope.PerChannel, 1e-8),
            CenterTransform.Fit(x, StatisticScope.PerFeature),
        ];
        foreach (IFittedTransform transform in transforms)
        {
            using (transform)
            {
                using Tensor fresh = transform.Apply(x);
                Tensor owned = x.clone();
                using Tensor result = transform.ApplyInPlace(owned);
                Assert.Same(owned, result);
                Assert.Equal(fresh.data<float>().ToArray(), result.data<float>().ToArray());
                Assert.False(ReferenceEquals(fresh, x));
            }
        }
    }
}

using NetScript.Data;
using NetScript.Tests.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>The per-batch data code leaves no TorchSharp scalar to the finalizer (see
/// <see cref="ScalarFinalizations"/>): every augmentation, every RandAugment operation and
/// every preprocessing transform's fit and apply.</summary>
[Collection(TorchCollection.Name)]
public sealed class DataScalarLifetimeTests
{
    static readonly ValueRange Range = new(-0.5, 1.5);

    static Tensor Images(long seed) => rand([32, 3, 8, 8], generator: new Generator((ulong)seed)); // (32, 3, 8, 8)

    [Theory]
    [MemberData(nameof(AugmentationTests.All), MemberType = typeof(AugmentationTests))]
    public void An_augmentation_leaves_no_scalar_to_the_finalizer(string kind)
    {
        IAugmentation augmentation = AugmentationTests.Augmentations().Single(a => a.Kind == kind);
        using var batch = Images(1);
        int finalized = ScalarFinalizations.Fewest(() =>
        {
            for (ulong step = 0; step < 4; step++)
            {
                using var scope = NewDisposeScope();
                augmentation.Apply(batch, new Generator(step));
            }
        });
        (augmentation as IDisposable)?.Dispose();
        Assert.Equal(0, finalized);
    }

    public static TheoryData<string> Operations => new(RandAugment.Operations.Where(op => op != "identity"));

    [Theory, MemberData(nameof(Operations))]
    public void A_RandAugment_operation_leaves_no_scalar_to_the_finalizer(string operation)
    {
        using var batch = Images(2);
        using var signed = rand(32, generator: new Generator(3)) * 2 - 1; // (32) in [−1, 1)
        int finalized = ScalarFinalizations.Fewest(() =>
        {
            for (int step = 0; step < 4; step++)
            {
                using var scope = NewDisposeScope();
                using var s = new ScalarScope();
                RandAugmentOperations.Apply(operation, batch, signed, 0.5, Range, s);
            }
        });
        Assert.Equal(0, finalized);
    }

    [Fact]
    public void Fitting_pca_colour_noise_leaves_no_scalar_to_the_finalizer()
    {
        using var images = Images(3);
        Assert.Equal(0, ScalarFinalizations.Fewest(() => PcaColorNoise.Fit(images, 0.1, Range).Dispose()));
    }

    public static TheoryData<string> Transforms => new(TransformFits.Keys);

    static readonly Dictionary<string, Func<Tensor, FittedTransform>> TransformFits = new()
    {
        ["zero_center"] = x => CenterTransform.Fit(x, StatisticScope.PerChannel),
        ["standardize"] = x => StandardizeTransform.Fit(x, StatisticScope.PerFeature, 1e-5),
        ["minmax"] = x => MinMaxTransform.Fit(x, StatisticScope.Global, -1, 1),
        ["scale"] = _ => new ScaleTransform(1.0 / 255),
        ["pca"] = x => PcaTransform.Fit(x, 10, whiten: false, 1e-5),
        ["pca_whiten"] = x => PcaTransform.Fit(x, 10, whiten: true, 1e-5),
        ["zca"] = x => ZcaTransform.Fit(x, 1e-2),
    };

    [Theory, MemberData(nameof(Transforms))]
    public void A_preprocessing_transform_fit_and_apply_leave_no_scalar_to_the_finalizer(string name)
    {
        using var features = rand([40, 3, 4, 4], generator: new Generator(5)); // (40, 3, 4, 4)
        int finalized = ScalarFinalizations.Fewest(() =>
        {
            using var transform = TransformFits[name](features);
            for (int i = 0; i < 3; i++) transform.Apply(features).Dispose();
        });
        Assert.Equal(0, finalized);
    }
}

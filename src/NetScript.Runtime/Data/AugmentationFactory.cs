using NetScript.Data;
using NetScript.Language.Lowering;

namespace NetScript.Runtime.Data;

/// <summary>Builds the augmentation pipeline of lowered <c>augment { … }</c> steps. What needs
/// the data — PCA colour noise's components, the value range photometric steps clamp to — is
/// fitted on the training set given here, never on validation data.</summary>
public static class AugmentationFactory
{
    public static AugmentationPipeline Create(IEnumerable<AugmentationSpec> operations, TensorDataset train)
    {
        ValueRange? range = null;
        ValueRange Range() => range ??= ValueRange.Of(train.Features);
        var steps = new List<IAugmentation>();
        try
        {
            foreach (AugmentationSpec operation in operations)
                steps.Add(Create(operation, train, Range));
        }
        catch
        {
            foreach (IDisposable step in steps.OfType<IDisposable>()) step.Dispose();
            throw;
        }
        return new AugmentationPipeline(steps);
    }

    static IAugmentation Create(AugmentationSpec operation, TensorDataset train, Func<ValueRange> range) => operation switch
    {
        FlipAugmentation a => new Flip(a.Direction == FlipDirection.Horizontal, a.P),
        CropAugmentation a => new RandomCrop((int?)a.Size, (int)a.Pad, Padding(a.Mode)),
        ResizedCropAugmentation a => new RandomResizedCrop((int?)a.Size, a.ScaleMin, a.ScaleMax, a.RatioMin, a.RatioMax),
        JitterAugmentation a => new ColorJitter(a.Brightness, a.Contrast, range()),
        PcaNoiseAugmentation a => PcaColorNoise.Fit(train.Features, a.Std, range()),
        CutoutAugmentation a => new Cutout((int)a.Size, a.P, a.Value),
        EraseAugmentation a => new RandomErasing(a.P, a.AreaMin, a.AreaMax, a.RatioMin, a.RatioMax, a.Value),
        RandAugmentAugmentation a => new RandAugment((int)a.N, (int)a.M, range()),
        _ => throw new RuntimeFailure($"augmentation `{operation.Kind}` has no runtime implementation"),
    };

    static CropPadding Padding(CropFill fill) => fill switch
    {
        CropFill.Edge => CropPadding.Edge,
        CropFill.Reflect => CropPadding.Reflect,
        _ => CropPadding.Zeros,
    };
}

using NetScript.Data;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Data;

/// <summary>Builds the augmentation pipeline of checked <c>augment { … }</c> operations (their
/// arguments bound against <see cref="AugmentationSchema"/>). What needs the data — PCA
/// colour noise's components, the value range photometric steps clamp to — is fitted on the
/// training set given here, never on validation data.</summary>
public static class AugmentationFactory
{
    public static AugmentationPipeline Create(IEnumerable<BoundArguments> operations, TensorDataset train)
    {
        ValueRange? range = null;
        ValueRange Range() => range ??= ValueRange.Of(train.Features);
        var steps = new List<IAugmentation>();
        try
        {
            foreach (BoundArguments a in operations)
                steps.Add(Create(a, train, Range));
        }
        catch
        {
            foreach (IDisposable step in steps.OfType<IDisposable>()) step.Dispose();
            throw;
        }
        return new AugmentationPipeline(steps);
    }

    static IAugmentation Create(BoundArguments a, TensorDataset train, Func<ValueRange> range)
    {
        int? size = a.Spec.Find("size") is not null && a.OptionalInt("size") is { } s ? (int)s : null;
        string name = a.Spec.Name;
        if (name == AugmentationSchema.Flip.Name) return new Flip(a.Text("direction") == "horizontal", a.Number("p"));
        if (name == AugmentationSchema.Crop.Name) return new RandomCrop(size, (int)a.Int("pad"), Enum.Parse<CropPadding>(a.Text("mode"), ignoreCase: true));
        if (name == AugmentationSchema.ResizedCrop.Name)
            return new RandomResizedCrop(size, a.Number("scale_min"), a.Number("scale_max"), a.Number("ratio_min"), a.Number("ratio_max"));
        if (name == AugmentationSchema.Jitter.Name) return new ColorJitter(a.Number("brightness"), a.Number("contrast"), range());
        if (name == AugmentationSchema.PcaNoise.Name) return PcaColorNoise.Fit(train.Features, a.Number("std"), range());
        if (name == AugmentationSchema.Cutout.Name) return new Cutout((int)a.Int("size"), a.Number("p"), a.Number("value"));
        if (name == AugmentationSchema.Erase.Name)
            return new RandomErasing(a.Number("p"), a.Number("area_min"), a.Number("area_max"), a.Number("ratio_min"), a.Number("ratio_max"), a.Number("value"));
        if (name == AugmentationSchema.RandAugment.Name) return new RandAugment((int)a.Int("n"), (int)a.Int("m"), range());
        throw new RuntimeFailure($"augmentation `{name}` has no runtime implementation");
    }
}

using System.Collections.Immutable;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>regularize MODEL { … }</c>: its settings in the order written and its
/// augmentations in order. Weight decay and label smoothing are already the optimizer's and the
/// loss's values; they stay here for the block's text, which checkpoints record.</summary>
public sealed record RegularizationSpec(ImmutableArray<RegularizerSetting> Settings, ImmutableArray<AugmentationSpec> Augmentations)
{
    /// <summary>λ·sign(w) added to the gradient (from `l1` or `elastic_net`), or null.</summary>
    public Penalty? L1 => Penalty(RegularizationSchema.L1, e => e.L1);

    /// <summary>λ·w added to the gradient (from `l2` or `elastic_net`), or null.</summary>
    public Penalty? L2 => Penalty(RegularizationSchema.L2, e => e.L2);

    public double? MaxNorm => Settings.OfType<MaxNormSetting>().FirstOrDefault()?.C;

    public double? MixupAlpha => Settings.OfType<MixupSetting>().FirstOrDefault()?.Alpha;

    public double? CutMixAlpha => Settings.OfType<CutMixSetting>().FirstOrDefault()?.Alpha;

    public double? Dropout => Settings.OfType<DropoutSetting>().FirstOrDefault()?.P;

    /// <summary>Whether training batches are changed (augmented or mixed) before the forward pass.</summary>
    public bool ChangesBatches => !Augmentations.IsEmpty || MixupAlpha is not null || CutMixAlpha is not null;

    Penalty? Penalty(OperationSpec own, Func<ElasticNetSetting, double> elastic)
    {
        if (Settings.OfType<PenaltySetting>().FirstOrDefault(p => p.Kind == own.Name) is { } p) return new Penalty(p.Lambda, p.DecayAll);
        if (Settings.OfType<ElasticNetSetting>().FirstOrDefault() is { } e) return new Penalty(elastic(e), e.DecayAll);
        return null;
    }

    public override string ToString() => string.Join(", ", Settings.Select(s => s.ToString())
        .Concat(Augmentations.IsEmpty ? [] : [$"augment[{string.Join(", ", Augmentations)}]"]));
}

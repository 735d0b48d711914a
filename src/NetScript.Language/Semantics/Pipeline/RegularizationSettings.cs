using System.Collections.Immutable;
using NetScript.Language.Schema;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A checked <c>regularize MODEL { … }</c>: its settings (bound against
/// <see cref="RegularizationSchema"/>, at most one of each) and its augmentations (against
/// <see cref="AugmentationSchema"/>, in order). <c>weight_decay</c> and
/// <c>label_smoothing</c> reach the runtime as the optimizer's and the loss's arguments (the
/// checker folds them in at each `train`); the rest is read here.</summary>
public sealed record RegularizationSettings(ImmutableArray<BoundArguments> Settings, ImmutableArray<BoundArguments> Augmentations, TextSpan Span)
{
    public BoundArguments? Find(OperationSpec setting) => Settings.FirstOrDefault(s => s.Spec == setting);

    /// <summary>λ·sign(w) added to the gradient (from `l1` or `elastic_net`), or null.</summary>
    public Penalty? L1 => Penalty(RegularizationSchema.L1, "lambda", "l1");

    /// <summary>λ·w added to the gradient (from `l2` or `elastic_net`), or null.</summary>
    public Penalty? L2 => Penalty(RegularizationSchema.L2, "lambda", "l2");

    public double? MaxNorm => Find(RegularizationSchema.MaxNorm)?.Number("c");

    public double? MixupAlpha => Find(RegularizationSchema.Mixup)?.Number("alpha");

    public double? CutMixAlpha => Find(RegularizationSchema.CutMix)?.Number("alpha");

    public double? Dropout => Find(RegularizationSchema.Dropout)?.Number("p");

    /// <summary>Whether training batches are changed (augmented or mixed) before the forward pass.</summary>
    public bool ChangesBatches => !Augmentations.IsEmpty || MixupAlpha is not null || CutMixAlpha is not null;

    Penalty? Penalty(OperationSpec own, string ownName, string elasticName)
    {
        if (Find(own) is { } a) return new Penalty(a.Number(ownName), a.Flag("decay_all"));
        if (Find(RegularizationSchema.ElasticNet) is { } e) return new Penalty(e.Number(elasticName), e.Flag("decay_all"));
        return null;
    }

    public override string ToString() => string.Join(", ", Settings.Select(Describe)
        .Concat(Augmentations.IsEmpty ? [] : [$"augment[{string.Join(", ", Augmentations.Select(Describe))}]"]));

    static string Describe(BoundArguments a) => a.Describe() is { Length: > 0 } args ? $"{a.Spec.Name}({args})" : a.Spec.Name;
}

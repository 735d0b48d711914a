using System.Collections.Immutable;

namespace NetScript.Language.Lowering;

/// <summary>How a transferred model trains (<c>transfer … freeze=[conv*] replace=dense:last lr=…</c>),
/// by layer name (conv1, dense2 …, as <see cref="Semantics.LayerNames"/> gives them):
/// <see cref="Frozen"/> layers get requires_grad = false and stay out of the optimizer;
/// their batchnorm layers stay in eval mode (running statistics unchanged) unless
/// <see cref="FreezeBatchNorm"/> is false. <see cref="Replace"/> is re-initialised at the next
/// training (when it is the head, sized for that data's classes). Pretrained layers that train
/// use the rate × <see cref="LearningRateMultiplier"/>, the replaced layer the rate itself.
/// After <see cref="UnfreezeAfter"/> epochs of the next training the frozen layers join the
/// optimizer as a new parameter group (two-phase fine-tuning in one run).</summary>
public sealed record FineTuneSpec(ImmutableArray<string> Frozen, string? Replace)
{
    public bool FreezeBatchNorm { get; init; } = true;

    /// <summary>Multiplies the rate of the pretrained (not replaced) layers; 1 = one rate for all.</summary>
    public double LearningRateMultiplier { get; init; } = 1;

    /// <summary>Epochs of the next training after which the frozen layers train too (null: never).</summary>
    public int? UnfreezeAfter { get; init; }

    /// <summary>Whether the replaced layer still has its pretrained weights (it is re-initialised
    /// by the next training, once).</summary>
    public bool ReplacePending { get; init; }

    /// <summary>The rate of the next trainings (null: the optimizer's).</summary>
    public double? LearningRate { get; init; }

    public bool IsFrozen(string layer) => Frozen.Contains(layer);

    public override string ToString()
    {
        var parts = new List<string>();
        if (!Frozen.IsEmpty) parts.Add($"frozen [{string.Join(", ", Frozen)}]" + (FreezeBatchNorm ? "" : " (batchnorm statistics adapt)"));
        if (Replace is { } r) parts.Add($"{r} re-initialised");
        if (LearningRateMultiplier != 1) parts.Add($"pretrained layers lr × {LearningRateMultiplier:G4}");
        if (UnfreezeAfter is { } n) parts.Add($"unfrozen after epoch {n}");
        return string.Join(", ", parts);
    }
}

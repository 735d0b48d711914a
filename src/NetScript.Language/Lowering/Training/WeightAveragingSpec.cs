namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>train … ema=D</c> or <c>swa=N</c>: the model after training is an
/// average of its weights, with batchnorm statistics recomputed for it when
/// <see cref="UpdateBatchNorm"/>.</summary>
/// <param name="Decay">`ema=`: the moving average's decay per optimizer update; null for SWA.</param>
/// <param name="LastEpochs">`swa=`: how many epoch-end weights are averaged; null for EMA.</param>
public sealed record WeightAveragingSpec(double? Decay, int? LastEpochs, bool UpdateBatchNorm)
{
    /// <summary>`ema_warmup=true`: the decay of the update after t earlier ones is min(<see cref="Decay"/>, (1 + t)/(10 + t)).</summary>
    public bool Warmup { get; init; }

    public override string ToString() => Decay is { } d ? $"ema={d:G}" + (Warmup ? " ema_warmup=true" : "") : $"swa={LastEpochs}";
}

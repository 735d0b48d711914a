namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>train … ema=D</c> or <c>swa=N</c>: the model after training is an
/// average of its weights, with batchnorm statistics recomputed for it when
/// <see cref="UpdateBatchNorm"/>.</summary>
/// <param name="Decay">`ema=`: the moving average's decay per optimizer update; null for SWA.</param>
/// <param name="LastEpochs">`swa=`: how many epoch-end weights are averaged; null for EMA.</param>
public sealed record WeightAveragingSpec(double? Decay, int? LastEpochs, bool UpdateBatchNorm)
{
    public override string ToString() => Decay is { } d ? $"ema={d:G}" : $"swa={LastEpochs}";
}

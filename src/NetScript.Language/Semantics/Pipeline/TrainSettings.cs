namespace NetScript.Language.Semantics;

/// <summary>Typed view of a checked <c>train</c> statement's options (defaults from
/// <see cref="Schema.StatementSchema.Train"/>), for the checker's own rules; the runtime gets
/// them lowered into a <see cref="Lowering.TrainPlan"/>. Settings that later statements
/// contribute (schedules, regularisation) travel beside it in <see cref="TrainStep"/>.</summary>
public sealed record TrainSettings(BoundArguments Arguments)
{
    readonly LossSettings? _loss;

    public int Epochs => (int)Arguments.Int("epochs");

    public int BatchSize => (int)Arguments.Int("batch");

    /// <summary>The `loss=` argument; the checker sets it for a loss a `loss NAME = …` statement defines.</summary>
    public LossSettings Loss
    {
        get => _loss ?? new(Arguments.Operation("loss"));
        init => _loss = value;
    }

    public bool Shuffle => Arguments.Flag("shuffle");

    /// <summary>Sample per-layer statistics every this many steps; 0 = off.</summary>
    public int StatisticsEvery => (int)Arguments.Int("stats");
    public int? TopK => (int?)Arguments.OptionalInt("top_k");

    public EarlyStopSettings? EarlyStop => Arguments.Group("early_stop") is { } group ? new EarlyStopSettings(group) : null;

    public double? ClipNorm => Arguments.OptionalNumber("clip_norm");

    public double? ClipValue => Arguments.OptionalNumber("clip_value");

    /// <summary>Mini-batches whose gradients are summed per optimizer step.</summary>
    public int Accumulate => (int)Arguments.Int("accumulate");

    /// <summary>Samples per optimizer step.</summary>
    public int EffectiveBatch => BatchSize * Accumulate;

    /// <summary>The factor the linear scaling rule applies to the learning rate (1 without `base_batch`).</summary>
    public double LearningRateScale => Arguments.OptionalInt("base_batch") is { } baseBatch ? EffectiveBatch / (double)baseBatch : 1.0;

    /// <summary>`ema=`: the decay of the weights' moving average.</summary>
    public double? Ema => Arguments.OptionalNumber("ema");

    /// <summary>`ema_warmup=`: the decay rises as min(ema, (1 + t)/(10 + t)).</summary>
    public bool EmaWarmup => Arguments.Flag("ema_warmup");

    /// <summary>`swa=`: the epochs whose end weights are averaged.</summary>
    public int? Swa => (int?)Arguments.OptionalInt("swa");

    public bool Checkpoint => Arguments.Flag("checkpoint");

    public string? Resume => Arguments.OptionalText("resume");
}

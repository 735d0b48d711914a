using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A lowered <c>train</c> statement: every option as a typed value (defaults from the
/// schema already applied), with the optimizer, schedule and regularization in force and the
/// model's architecture bound to the data's shape. The training loop reads these properties
/// directly; a search trial is this record with some values replaced (<see cref="Lowerer"/>).</summary>
public sealed record TrainPlan(string Model, string Data, string? Validate, ModelSpec Network, TextSpan Span) : PipelineStep(Span)
{
    public required int Epochs { get; init; }

    /// <summary>Samples per mini-batch.</summary>
    public required int BatchSize { get; init; }

    public required LossSpec Loss { get; init; }

    public required OptimizerSpec Optimizer { get; init; }

    /// <summary>Reshuffle the training data every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>`drop_last`: leave out each epoch's last, smaller mini-batch (<see cref="EpochSize.DropsLast"/>).</summary>
    public bool DropLast { get; init; }

    /// <summary>The model has a batchnorm layer (also inside a residual block): a last batch of
    /// one sample is then left out of training.</summary>
    public bool HasBatchNorm { get; init; }

    /// <summary>Whether an epoch over <paramref name="samples"/> rows leaves its last mini-batch out.</summary>
    public bool DropsLast(long samples) => EpochSize.DropsLast(samples, BatchSize, DropLast, HasBatchNorm);

    /// <summary>Sample per-layer statistics every this many steps; 0 = off.</summary>
    public int StatisticsEvery { get; init; }

    public int? TopK { get; init; }

    public EarlyStopSpec? EarlyStop { get; init; }

    public double? ClipNorm { get; init; }

    public double? ClipValue { get; init; }

    /// <summary>Mini-batches whose gradients are summed per optimizer step.</summary>
    public int Accumulate { get; init; } = 1;

    /// <summary>The batch size the optimizer's rate is meant for (linear scaling rule), or null.</summary>
    public int? BaseBatch { get; init; }

    /// <summary>The number format of convolutions and dense layers while training and validating.</summary>
    public Precision Precision { get; init; }

    /// <summary>Write last.ckpt / best.ckpt to the training's folder.</summary>
    public bool Checkpoint { get; init; } = true;

    /// <summary>A checkpoint file or run folder to continue from, as written.</summary>
    public string? Resume { get; init; }

    /// <summary>The learning-rate schedule in force (null: the optimizer's rate throughout).</summary>
    public ScheduleSpec? Schedule { get; init; }

    /// <summary>The model's `regularize` block (null: none). Its weight decay and label
    /// smoothing are already in <see cref="Optimizer"/> and <see cref="Loss"/>.</summary>
    public RegularizationSpec? Regularization { get; init; }

    /// <summary>`ema=` or `swa=`: the trained model is an average of the weights (null: the last weights).</summary>
    public WeightAveragingSpec? Averaging { get; init; }

    /// <summary>Keep the weights of this many last epochs for a snapshot ensemble (null: none).</summary>
    public int? KeepEpochs { get; init; }

    /// <summary>C# metrics measured on the validation data after every epoch.</summary>
    public ImmutableArray<SnippetUse> Metrics { get; init; } = [];

    /// <summary>At most this many mini-batches per epoch (null: the whole training data); set by
    /// <see cref="SmokePlan"/> for `netscript run --smoke`.</summary>
    public int? MaxStepsPerEpoch { get; init; }

    /// <summary>Set for a model made by `transfer` (<see cref="FineTuneSpec"/>).</summary>
    public FineTuneSpec? FineTuning { get; init; }

    /// <summary>Set when <see cref="Data"/> names the folds of a `kfold` statement.</summary>
    public CrossValidationPlan? Folds { get; init; }

    /// <summary>Samples per optimizer step.</summary>
    public int EffectiveBatch => BatchSize * Accumulate;

    /// <summary>The factor the linear scaling rule applies to the learning rate (1 without <see cref="BaseBatch"/>).</summary>
    public double LearningRateScale => BaseBatch is { } baseBatch ? EffectiveBatch / (double)baseBatch : 1.0;
}

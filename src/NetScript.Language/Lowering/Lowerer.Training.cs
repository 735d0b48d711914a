using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

public static partial class Lowerer
{
    static TrainPlan Train(TrainStep step)
    {
        TrainSettings settings = step.Settings;
        return new TrainPlan(step.Model, step.Data, step.Validate, Model(step.Plan), step.Span)
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Loss = Loss(settings.Loss, Model(step.Plan)),
            Optimizer = Optimizer(step.Optimizer),
            Shuffle = settings.Shuffle,
            DropLast = settings.Arguments.Flag("drop_last"),
            HasBatchNorm = step.Plan.Layers.SelectMany(l => l.Descendants()).Any(l => l.Layer.Kind == "batchnorm"),
            StatisticsEvery = settings.StatisticsEvery,
            TopK = settings.TopK,
            EarlyStop = settings.EarlyStop is { } stop ? new EarlyStopSpec(stop.Metric, stop.Patience, stop.MinDelta, stop.Maximize, stop.RestoreBest) : null,
            ClipNorm = settings.ClipNorm,
            ClipValue = settings.ClipValue,
            Accumulate = settings.Accumulate,
            BaseBatch = (int?)settings.Arguments.OptionalInt("base_batch"),
            Averaging = settings.Ema is not null || settings.Swa is not null
                ? new WeightAveragingSpec(settings.Ema, settings.Swa, settings.Arguments.Flag("update_bn")) { Warmup = settings.EmaWarmup }
                : null,
            Precision = Choice<Precision>(settings.Arguments, "precision"),
            Checkpoint = settings.Checkpoint,
            Resume = settings.Resume,
            Schedule = step.Schedule is { } schedule ? Schedule(schedule) : null,
            Regularization = step.Regularization is { } r
                ? new RegularizationSpec([.. r.Settings.Select(Regularizer)], [.. r.Augmentations.Select(Augmentation)])
                : null,
            Metrics = step.Metrics,
            KeepEpochs = step.KeepEpochs,
            FineTuning = step.FineTuning,
            Folds = step.Folds is { } folds ? new CrossValidationPlan(folds.Folds, folds.Source, folds.K, [.. folds.Refit.Select(Preprocessing)]) : null,
        };
    }

    /// <summary>A checked loss (built-in or C#) with what its targets mean, for the model it
    /// trains: `cross_entropy` on a model that ends in `softmax` reads probabilities.</summary>
    public static LossSpec Loss(LossSettings loss, ModelSpec model)
    {
        LossSpec lowered = BuiltIn(loss) with { Target = loss.Target };
        return lowered is CrossEntropyLoss c && model.OutputsProbabilities ? c with { OnProbabilities = true } : lowered;
    }

    static LossSpec BuiltIn(LossSettings loss)
    {
        if (loss.Snippet is { } use) return new CSharpLoss(loss.Kind, use);
        BoundArguments a = loss.Arguments;
        OperationSpec s = a.Spec;
        if (s == LossSchema.CrossEntropy) return new CrossEntropyLoss(a.Number("label_smoothing"));
        if (s == LossSchema.Hinge || s == LossSchema.SquaredHinge) return new HingeLoss(s == LossSchema.SquaredHinge, a.Number("margin"));
        if (s == LossSchema.Mse) return new SquaredErrorLoss();
        if (s == LossSchema.L1) return new AbsoluteErrorLoss();
        if (s == LossSchema.Huber) return new HuberLoss(a.Number("delta"));
        if (s == LossSchema.Tukey) return new TukeyLoss(a.Number("c"));
        if (s == LossSchema.BinaryCrossEntropy) return new BinaryCrossEntropyLoss();
        if (s == LossSchema.MultiLabelLogistic) return new MultiLabelLogisticLoss();
        if (s == LossSchema.MultiLabelHinge) return new MultiLabelHingeLoss(a.Number("margin"));
        if (s == LossSchema.HierarchicalSoftmax) return new HierarchicalSoftmaxLoss();
        throw NoLowering(s);
    }

    public static OptimizerSpec Optimizer(OptimizerSettings optimizer)
    {
        BoundArguments a = optimizer.Arguments;
        OperationSpec s = a.Spec;
        double lr = a.Number("lr"), decay = a.Number("weight_decay");
        bool all = a.Flag("decay_all");
        if (s == OptimizerSchema.Sgd) return new SgdOptimizer(lr, a.Number("momentum"), a.Flag("nesterov"), decay, all);
        if (s == OptimizerSchema.RmsProp)
            return new RmsPropOptimizer(lr, a.Number("alpha"), a.Number("eps"), a.Number("momentum"), a.Flag("centered"), decay, all);
        if (s == OptimizerSchema.Adam || s == OptimizerSchema.AdamW)
            return new AdamOptimizer(s == OptimizerSchema.AdamW, lr, a.Number("beta1"), a.Number("beta2"), a.Number("eps"), decay, all);
        throw NoLowering(s);
    }

    public static ScheduleSpec Schedule(ScheduleSettings schedule)
    {
        BoundArguments a = schedule.Arguments;
        OperationSpec s = a.Spec;
        Duration? warmup = schedule.Warmup;
        if (s == ScheduleSchema.Constant) return new ConstantSchedule(warmup);
        if (s == ScheduleSchema.Step) return new StepSchedule(a.OptionalDuration("every")!, a.Number("gamma"), warmup);
        if (s == ScheduleSchema.MultiStep) return new MultiStepSchedule(a.Integers("milestones")!.Value, a.Number("gamma"), warmup);
        if (s == ScheduleSchema.Exponential) return new ExponentialSchedule(a.Number("gamma"), warmup);
        if (s == ScheduleSchema.Cosine) return new CosineSchedule(a.Number("min_lr"), warmup) { Cycle = a.OptionalDuration("cycle"), CycleMult = (int)(a.OptionalInt("cycle_mult") ?? 1) };
        if (s == ScheduleSchema.Linear) return new LinearSchedule(a.Number("min_lr"), warmup);
        if (s == ScheduleSchema.OneCycle)
            return new OneCycleSchedule(a.OptionalNumber("max_lr"), a.Number("pct_start"), a.Number("div_factor"), a.Number("final_div_factor"),
                Choice<Anneal>(a, "anneal"));
        if (s == ScheduleSchema.ReduceOnPlateau)
            return new PlateauSchedule(a.Text("metric"), a.Number("factor"), (int)a.Int("patience"), a.Number("min_delta"), (int)a.Int("cooldown"), a.Number("min_lr"), warmup);
        throw NoLowering(s);
    }

    static RegularizerSetting Regularizer(BoundArguments a)
    {
        OperationSpec s = a.Spec;
        if (s == RegularizationSchema.WeightDecay || s == RegularizationSchema.L2 || s == RegularizationSchema.L1)
            return new PenaltySetting(s.Name, a.Number("lambda"), a.Flag("decay_all"));
        if (s == RegularizationSchema.ElasticNet) return new ElasticNetSetting(a.Number("l1"), a.Number("l2"), a.Flag("decay_all"));
        if (s == RegularizationSchema.MaxNorm) return new MaxNormSetting(a.Number("c"));
        if (s == RegularizationSchema.LabelSmoothing) return new LabelSmoothingSetting(a.Number("epsilon"));
        if (s == RegularizationSchema.Mixup) return new MixupSetting(a.Number("alpha"));
        if (s == RegularizationSchema.CutMix) return new CutMixSetting(a.Number("alpha"));
        if (s == RegularizationSchema.Dropout) return new DropoutSetting(a.Number("p"));
        throw NoLowering(s);
    }

    /// <summary>One checked step of an <c>augment { … }</c> block.</summary>
    public static AugmentationSpec Augmentation(BoundArguments a)
    {
        OperationSpec s = a.Spec;
        if (s == AugmentationSchema.Flip) return new FlipAugmentation(Choice<FlipDirection>(a, "direction"), a.Number("p"));
        if (s == AugmentationSchema.Crop) return new CropAugmentation(a.OptionalInt("size"), a.Int("pad"), Choice<CropFill>(a, "mode"));
        if (s == AugmentationSchema.ResizedCrop)
            return new ResizedCropAugmentation(a.OptionalInt("size"), a.Number("scale_min"), a.Number("scale_max"), a.Number("ratio_min"), a.Number("ratio_max"));
        if (s == AugmentationSchema.Jitter) return new JitterAugmentation(a.Number("brightness"), a.Number("contrast"));
        if (s == AugmentationSchema.PcaNoise) return new PcaNoiseAugmentation(a.Number("std"));
        if (s == AugmentationSchema.Cutout) return new CutoutAugmentation(a.Int("size"), a.Number("p"), a.Number("value"));
        if (s == AugmentationSchema.Erase)
            return new EraseAugmentation(a.Number("p"), a.Number("area_min"), a.Number("area_max"), a.Number("ratio_min"), a.Number("ratio_max"), a.Number("value"));
        if (s == AugmentationSchema.RandAugment) return new RandAugmentAugmentation(a.Int("n"), a.Int("m"));
        throw NoLowering(s);
    }
}

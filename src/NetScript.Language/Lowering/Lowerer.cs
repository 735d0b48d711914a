using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>Lowers a checked program for the runtime, as Minsk's lowerer follows its binder:
/// checking → lowering → running. A checked step carries bound arguments (values keyed by their
/// schema names, defaults from the schema); lowering turns them into typed, immutable plan
/// records — a <see cref="TrainPlan"/> with <c>int BatchSize</c>, a <see cref="ModelSpec"/> of
/// typed layers and init, and typed loss, optimizer, schedule, regularization, augmentation,
/// preprocessing and data-source operations. This is the one place that reads arguments by
/// their schema names: the runtime reads the records' properties and switches on their types,
/// so a change of spelling in the schema touches NetScript.Language only, and the runtime does
/// no name lookups while it trains.
///
/// <para>Substituting a value (how a search trial is made): every plan record is immutable, so a
/// trial is the lowered plan with values replaced through <c>with</c>. For
/// <c>optimizer adam lr=$lr</c> a trial with lr = 3e-4 runs
/// <c>train with { Optimizer = train.Optimizer with { LearningRate = 3e-4 } }</c>; for
/// <c>dropout $p</c> in a model, the <see cref="LayerSpec"/> gets
/// <c>Operation = new DropoutLayer(p)</c> inside <c>train.Network with { Layers = … }</c>; for
/// <c>batch=$batch</c>, <c>train with { BatchSize = 64 }</c>. Nothing re-reads strings, and the texts
/// that summaries and checkpoints show (<see cref="PlanOperation.Arguments"/>,
/// <see cref="ModelSpec.Key"/>) are computed from the values, so they describe the trial. A value
/// that changes shapes (units, kernel, channels) needs the checker's shape inference again: lower
/// the re-checked step instead of substituting into its plan.</para></summary>
public static partial class Lowerer
{
    /// <summary>The seed in force before any `seed` statement.</summary>
    public static long DefaultSeed { get; } = BoundArguments.Defaults(StatementSchema.Seed).Int("value");

    public static ProgramPlan Lower(CheckedProgram program) => new(program.Source, [.. program.Steps.Select(Lower)]);

    /// <summary>One step: a plan for the steps that carry bound arguments; the others hold plain
    /// values (seed, threads, split, kfold, commands) and pass through.</summary>
    public static PipelineStep Lower(PipelineStep step) => step switch
    {
        LoadStep s => new LoadPlan(s.Name, Source(s.Source), s.ApplyPreprocessing, s.Span),
        PreprocessStep s => new PreprocessPlan(s.FitOn, [.. s.Operations.Select(Preprocessing)], s.Targets, s.Span),
        ModelStep s => new DeclareModelPlan(s.Model.Name, s.Span),
        TrainStep s => Train(s),
        LrFindStep s => new LrFindPlan(s.Model, s.Data, s.Start, s.End, s.Steps, Train(s.Train), s.Span) { Suggest = ChoiceText.Parse<LrSuggestion>(s.Suggest) },
        TransferStep s => new TransferPlan(s.Model, s.Target, s.Path, Model(s.Plan) with { Init = null }, s.FineTuning, s.Span),
        EnsembleStep s => new EnsemblePlan(s.Name, Train(s.Train), s.Seeds, ChoiceText.Parse<EnsembleAverage>(s.Average), s.Span) { Snapshots = s.Snapshots, Top = Top(s) },
        EvaluateStep s => new EvaluatePlan(s.Model, s.Data, s.BatchSize, s.Span) { TopK = s.TopK, Metrics = s.Metrics },
        OptimizerStep or ScheduleStep or RegularizeStep or DefinitionStep => new NoOpPlan(step.Span),
        _ => step,
    };

    static TopTrialsPlan? Top(EnsembleStep step) => step is { Top: { } count, TopTrials: { } trials }
        ? new TopTrialsPlan(count, trials.Model, values =>
        {
            var (train, problem) = trials.Training(values);
            return train is null ? (null, problem) : (Train(train), null);
        })
        : null;

    /// <summary>Any operation of a schema table with its bound arguments: a layer, init, loss,
    /// optimizer, schedule, regularization setting, augmentation or preprocessing step.</summary>
    internal static PlanOperation Operation(BoundArguments arguments) => arguments.Spec.Category switch
    {
        OperationCategory.Layer => Operation(new LayerDefinition(arguments, default)),
        OperationCategory.Init => Init(new InitSettings(arguments, default)),
        OperationCategory.Loss => BuiltIn(new LossSettings(arguments)) with { Target = LossSchema.TargetOf(arguments.Spec.Name) },
        OperationCategory.Optimizer => Optimizer(new OptimizerSettings(arguments, default)),
        OperationCategory.Schedule => Schedule(new ScheduleSettings(arguments, default)),
        OperationCategory.Regularizer => Regularizer(arguments),
        OperationCategory.Augmentation => Augmentation(arguments),
        OperationCategory.Preprocessing => Preprocessing(new PreprocessOperation(arguments, default)),
        _ => throw NoLowering(arguments.Spec),
    };

    static T Choice<T>(BoundArguments arguments, string name) where T : struct, Enum => ChoiceText.Parse<T>(arguments.Text(name));

    static InvalidOperationException NoLowering(OperationSpec spec) =>
        new($"{SchemaCatalog.Noun(spec.Category)} `{spec.Name}` has no lowering");
}

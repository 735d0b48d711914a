using System.Collections.Immutable;
using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Language.Lowering;

/// <summary>The lowering keeps every checked value: each schema operation, lowered, writes its
/// arguments exactly as the bound arguments do (the same text summaries and checkpoints showed
/// before lowering existed), with defaults and with every parameter given a value of its own.</summary>
public sealed class LoweringTests
{
    static readonly OperationCategory[] Lowered =
    [
        OperationCategory.Layer, OperationCategory.Init, OperationCategory.Loss, OperationCategory.Optimizer, OperationCategory.Schedule,
        OperationCategory.Regularizer, OperationCategory.Augmentation, OperationCategory.Preprocessing,
    ];

    /// <summary>Every operation the lowering takes: block statements (`repeat`, `augment`) are
    /// unrolled or collected by the checker and never reach it.</summary>
    public static IEnumerable<object[]> Operations() => Lowered
        .SelectMany(SchemaCatalog.In)
        .Where(s => !s.Planned && s != LayerSchema.Repeat && s != RegularizationSchema.Augment)
        .Select(s => new object[] { s.Category, s.Name });

    static readonly TextSpan At = new(0, 1);

    [Theory]
    [MemberData(nameof(Operations))]
    public void An_operation_with_its_defaults_lowers_to_the_same_arguments(OperationCategory category, string name)
    {
        OperationSpec spec = SchemaCatalog.Find(category, name)!;
        var given = spec.Parameters.Where(p => p.Required).ToImmutableDictionary(p => p.Name, p => new BoundArgument(p.Name, Sample(p), At));
        var arguments = new BoundArguments(spec, given, []);
        PlanOperation lowered = Lowerer.Operation(arguments);
        Assert.Equal(name, lowered.Kind);
        Assert.Equal(arguments.Describe(), lowered.Arguments);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void An_operation_with_every_parameter_given_lowers_each_value_to_its_own_field(OperationCategory category, string name)
    {
        OperationSpec spec = SchemaCatalog.Find(category, name)!;
        var given = spec.Parameters.ToImmutableDictionary(p => p.Name, p => new BoundArgument(p.Name, Sample(p), At));
        var arguments = new BoundArguments(spec, given, []);
        Assert.Equal(arguments.Describe(), Lowerer.Operation(arguments).Arguments);
    }

    /// <summary>A value unlike the default and unlike the other parameters' values, so a value
    /// lowered into the wrong field changes the text.</summary>
    static object Sample(ParameterSpec p)
    {
        int position = p.Name.Length + p.Name[0];
        return p.Type switch
        {
            ParameterType.Integer => 3L + position,
            ParameterType.Number => 0.125 + position / 1024.0,
            ParameterType.Flag => !(bool)(p.Default ?? false),
            ParameterType.Choice => p.Choices[^1],
            ParameterType.Duration => new Duration(3 + position, DurationUnit.Steps),
            ParameterType.IntegerList => ImmutableArray.Create(2L, 5L + position),
            _ => throw new InvalidOperationException($"no sample for {p.Type} `{p.Name}`"),
        };
    }

    [Fact]
    public void A_training_lowers_to_the_texts_and_values_the_checked_step_holds()
    {
        TrainStep step = EnginePlans.Train(
            "residual { dense 4 -> batchnorm -> relu; dense 4 } -> leaky_relu 0.2\ndense 3 dropconnect=0.25\ninit kaiming mode=fan_out bias=0.01",
            Shape.Of(4),
            before: "optimizer adamw lr=0.003 weight_decay=0.02\nschedule onecycle max_lr=0.01 anneal=linear\n",
            after: "regularize m { weight_decay 1e-3; elastic_net l1=0.1 l2=0.2; label_smoothing 0.1; mixup 0.4 }\n",
            train: "validate=val epochs=7 batch=16 accumulate=2 base_batch=64 stats=9 top_k=2 clip_norm=1.5 early_stop(metric=val_loss, patience=2)");
        var plan = (TrainPlan)Lowerer.Lower(step);

        Assert.Equal($"{step.Plan.Input} " + string.Join(" -> ", step.Plan.Layers.Select(l => l.Layer.ToString())), plan.Network.Key);
        Assert.Equal(step.Plan.Init!.ToString(), plan.Network.Init!.ToString());
        Assert.Equal(step.Settings.Loss.ToString(), plan.Loss.ToString());
        Assert.Equal(step.Optimizer.ToString(), plan.Optimizer.ToString());
        Assert.Equal(step.Schedule!.ToString(), plan.Schedule!.ToString());
        Assert.Equal(step.Regularization!.ToString(), plan.Regularization!.ToString());
        Assert.Equal((7, 16, 2, 9, 2, 1.5, 0.5), (plan.Epochs, plan.BatchSize, plan.Accumulate, plan.StatisticsEvery, plan.TopK, plan.ClipNorm, plan.LearningRateScale));
        Assert.Equal(new EarlyStopSpec("val_loss", 2, 0, Maximize: false, RestoreBest: true), plan.EarlyStop);
        Assert.Equal(new Penalty(0.1, false), plan.Regularization.L1);
        Assert.Equal(new Penalty(0.2, false), plan.Regularization.L2);
        Assert.Equal(0.4, plan.Regularization.MixupAlpha);
        Assert.Equal(new CrossEntropyLoss(0.1) { Target = LossTarget.Classes }, plan.Loss);               // label smoothing folded in
        Assert.Equal(new AdamOptimizer(true, 0.003, 0.9, 0.999, 1e-8, 1e-3, false), plan.Optimizer);       // the block's weight decay
        Assert.Equal(new KaimingInit("kaiming", Nonlinearity.Relu, 0.01, Distribution.Normal, FanMode.FanOut, 0.01, false), plan.Network.Init);
        Assert.Equal(new OneCycleSchedule(0.01, 0.3, 25, 1e4, Anneal.Linear), plan.Schedule);
    }

    [Fact]
    public void A_substituted_value_reaches_the_plan_and_its_text_without_relowering()
    {
        TrainPlan plan = EnginePlans.Lowered("dense 8 -> dropout 0.5\ndense 3", Shape.Of(2), before: "optimizer sgd lr=0.1 momentum=0.9\n", train: "batch=32");
        LayerSpec dropout = plan.Network.Layers[1];
        TrainPlan trial = plan with
        {
            BatchSize = 64,
            Optimizer = plan.Optimizer with { LearningRate = 0.003 },
            Network = plan.Network with { Layers = plan.Network.Layers.SetItem(1, dropout with { Operation = new DropoutLayer(0.25) }) },
        };
        Assert.Equal("sgd(lr=0.003, momentum=0.9, nesterov=false, weight_decay=0, decay_all=false)", trial.Optimizer.ToString());
        Assert.Equal("[2] dense(units=8, bias=true, dropconnect=0) -> dropout(p=0.25) -> dense(units=3, bias=true, dropconnect=0)", trial.Network.Key);
        Assert.Equal(64, trial.BatchSize);
        Assert.Equal("sgd(lr=0.1, momentum=0.9, nesterov=false, weight_decay=0, decay_all=false)", plan.Optimizer.ToString()); // unchanged
    }

    [Fact]
    public void Every_checked_step_lowers_to_one_step_in_the_same_place()
    {
        var compilation = EnginePlans.Check("dense 3", Shape.Of(2), before: "optimizer sgd\nschedule cosine\n", after: "regularize m { l2 0.1 }\n",
            train: "validate=val");
        CheckedProgram program = compilation.Program!;
        ProgramPlan plan = Lowerer.Lower(program);
        Assert.Equal(program.Steps.Select(s => s.Span), plan.Steps.Select(s => s.Span));
        Assert.Equal(["LoadPlan", "SplitStep", "NoOpPlan", "NoOpPlan", "DeclareModelPlan", "NoOpPlan", "TrainPlan"],
            plan.Steps.Select(s => s.GetType().Name));
    }
}

using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>A Keras-style summary of a checked model: per layer its output shape and
/// parameters, for the data it is first trained on. Trainable parameters are what the
/// optimizer updates (<see cref="LayerShapes.Parameters"/>); non-trainable ones are values the
/// model computes with but does not learn by gradient — batchnorm's running mean and variance
/// (its integer batch counter is not a parameter). The counts equal TorchSharp's for the built
/// module (tests/…/Semantics/ModelSummaryTests).</summary>
public sealed record ModelSummary(string Model, string Data, Shape Input, ImmutableArray<SummaryRow> Rows)
{
    public long Trainable => Rows.Sum(r => r.Trainable);

    public long NonTrainable => Rows.Sum(r => r.NonTrainable);

    public long Total => Trainable + NonTrainable;

    public static ModelSummary Of(TrainStep step)
    {
        ModelPlan plan = step.Plan;
        ImmutableArray<string> names = LayerNames.Of(plan.Layers.Select(l => l.Layer));
        var rows = plan.Layers.Select((l, i) => new SummaryRow(names[i], l.Layer.Kind, l.Output, l.Parameters, RunningStatistics(l))).ToList();
        if (step.LossParameters > 0)
            rows.Add(new SummaryRow("loss", step.Settings.Loss.Kind, null, step.LossParameters, 0));
        return new ModelSummary(plan.Name, step.Data, plan.Input, rows.ToImmutableArray());
    }

    /// <summary>One summary per model of <paramref name="program"/>, for its first `train`, in
    /// the order the models were defined; models never trained have no shapes and are listed
    /// in <paramref name="untrained"/>.</summary>
    public static ImmutableArray<ModelSummary> Of(CheckedProgram program, out ImmutableArray<string> untrained)
    {
        var trainings = program.Steps.OfType<TrainStep>().ToList();
        var summaries = ImmutableArray.CreateBuilder<ModelSummary>();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (string model in program.Steps.OfType<ModelStep>().Select(s => s.Model.Name).Distinct(StringComparer.Ordinal))
        {
            if (trainings.FirstOrDefault(t => t.Model == model) is { } first) summaries.Add(Of(first));
            else missing.Add(model);
        }
        untrained = missing.ToImmutable();
        return summaries.ToImmutable();
    }

    /// <summary>Batchnorm keeps a running mean and variance per feature or channel, also inside
    /// a residual branch (a row's counts include its branch's).</summary>
    static long RunningStatistics(LayerPlan layer) =>
        layer.Descendants().Where(l => l.Layer.Kind == "batchnorm").Sum(l => 2L * l.Input.Dims[0]);
}

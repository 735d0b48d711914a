using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Every plot of one training run, drawn from its bounded history (and, for the
/// decision boundary or the fitted line, the trained model and its 2-D or 1-D training data).</summary>
internal static class RunPlots
{
    public static IReadOnlyList<string> Write(string model, StatisticsHistory history, string directory,
        nn.Module<Tensor, Tensor>? module = null, TensorDataset? data = null)
    {
        string P(string name) => Path.Combine(directory, name);
        var written = new List<string?>();
        written.AddRange(TrainingCurvesPlot.Write(model, history.Epochs.Items, directory));
        if (history.First is { } first && history.Latest is { } last)
        {
            written.Add(ActivationHistogramsPlot.Write(model, first, $"step {first.GlobalStep} (initialisation)", P("activations-init.png")));
            if (!ReferenceEquals(first, last))
                written.Add(ActivationHistogramsPlot.Write(model, last, $"step {last.GlobalStep} (last sample)", P("activations-last.png")));
            written.Add(DepthProfilePlot.Write(model, first, last, P("depth.png")));
            var timeline = history.Timeline.Items;
            written.Add(UnitHealthPlot.DeadUnits(model, timeline, P("dead-units.png")));
            written.Add(UnitHealthPlot.Saturation(model, timeline, P("saturation.png")));
            written.Add(UnitHealthPlot.UpdateRatios(model, timeline, P("update-ratios.png")));
        }
        if (module is not null && data is not null)
        {
            written.Add(DecisionBoundaryPlot.Write(model, module, data, P("decision-boundary.png")));
            written.Add(FittedLinePlot.Write(model, module, data, P("fit.png")));
        }
        return written.Where(p => p is not null).Select(p => p!).ToList();
    }
}

using NetScript.Runtime.Events;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Loss and accuracy per epoch, training against validation (a
/// widening gap is overfitting, a flat start is a bad learning rate).</summary>
internal static class TrainingCurvesPlot
{
    public static IEnumerable<string> Write(string model, IReadOnlyList<EpochCompleted> epochs, string directory)
    {
        if (epochs.Count == 0) yield break;
        yield return Draw($"{model}: loss", "loss", epochs, m => m.Loss, Path.Combine(directory, "loss.png"));
        yield return Draw($"{model}: accuracy", "accuracy", epochs, m => m.Accuracy, Path.Combine(directory, "accuracy.png"));
    }

    static string Draw(string title, string quantity, IReadOnlyList<EpochCompleted> epochs, Func<Metrics, double> value, string path)
    {
        var plot = PlotStyle.New(title, "epoch", quantity);
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        var train = plot.Add.ScatterLine(x, epochs.Select(e => value(e.Train)).ToArray(), PlotStyle.Color(0));
        train.LegendText = "train";
        train.LineWidth = 2;
        if (epochs.All(e => e.Validation is not null))
        {
            var validation = plot.Add.ScatterLine(x, epochs.Select(e => value(e.Validation!)).ToArray(), PlotStyle.Color(1));
            validation.LegendText = "validation";
            validation.LineWidth = 2;
        }
        if (epochs.Count > 40) plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList().ForEach(s => s.MarkerSize = 0);
        // Loss falls and accuracy rises: keep the legend in the corner the curves leave empty.
        plot.ShowLegend(quantity == "loss" ? ScottPlot.Alignment.UpperRight : ScottPlot.Alignment.LowerRight);
        return PlotStyle.Save(plot, path);
    }
}

using NetScript.Data;
using ScottPlot;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>For regression on one input with one target: the training points and the trained
/// model's prediction across their range (the robust-loss figure: where each loss puts the
/// line when some points are outliers). Drawn in the model's input space, i.e. after
/// preprocessing.</summary>
internal static class FittedLinePlot
{
    const int Resolution = 200;     // prediction points across the x range
    const int MaxPoints = 3000;

    public static string? Write(string model, nn.Module<Tensor, Tensor> module, TensorDataset data, string path)
    {
        if (!data.IsRegression || data.SampleShape is not [1] || data.Count == 0) return null;
        if (data.Labels.shape is not ([_] or [_, 1])) return null;
        float[] x = data.Features.reshape(-1).data<float>().ToArray();
        float[] y = data.Labels.reshape(-1).to_type(ScalarType.Float32).data<float>().ToArray();
        var (xs, predicted) = Predict(module, x.Min(), x.Max());
        if (predicted is null) return null;

        var plot = PlotStyle.New($"{model}: fitted line", "x", "y");
        int step = Math.Max(1, x.Length / MaxPoints);
        var points = Enumerable.Range(0, x.Length).Where(i => i % step == 0).Select(i => new Coordinates(x[i], y[i])).ToArray();
        var markers = plot.Add.Markers(points, MarkerShape.FilledCircle, 5, PlotStyle.Color(0).WithAlpha(0.6));
        markers.LegendText = "training points";
        var line = plot.Add.ScatterLine(xs, predicted, PlotStyle.Color(1));
        line.LineWidth = 2.5f;
        line.LegendText = $"{model}'s prediction";
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotStyle.Save(plot, path, 800, 560);
    }

    /// <summary>The model's output at <see cref="Resolution"/> points from min to max; null
    /// when the output is not one number per row.</summary>
    internal static (double[] X, double[]? Y) Predict(nn.Module<Tensor, Tensor> module, double min, double max)
    {
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            Tensor xs = linspace(min, max, Resolution, dtype: ScalarType.Float32).reshape(Resolution, 1);
            Tensor output = module.call(xs);
            if (output.numel() != Resolution) return (Array.Empty<double>(), null);
            double[] x = xs.reshape(-1).to_type(ScalarType.Float64).data<double>().ToArray();
            double[] y = output.reshape(-1).to_type(ScalarType.Float64).data<double>().ToArray();
            return (x, y);
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}

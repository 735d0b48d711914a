using NetScript.Data;
using ScottPlot;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>For 2-D inputs: the class the trained model predicts at every point of a grid
/// around the data, with the training points on top (capacity and regularisation
/// figures). Drawn in the model's input space, i.e. after preprocessing.</summary>
internal static class DecisionBoundaryPlot
{
    const int Resolution = 200;     // grid points per axis: 40k forward rows, one batch
    const int MaxPoints = 3000;     // drawn samples; more only hides the boundary

    public static string? Write(string model, nn.Module<Tensor, Tensor> module, TensorDataset data, string path)
    {
        if (data.SampleShape is not [2] || data.Count == 0) return null;
        var (classes, extent) = Predict(module, data.Features);
        float[] xy = data.Features.data<float>().ToArray();
        long[] labels = data.LabelArray();

        var plot = PlotStyle.New($"{model}: decision boundary", "x₁", "x₂");
        var palette = Enumerable.Range(0, data.Classes).Select(PlotStyle.Color).ToArray();
        var heatmap = plot.Add.Heatmap(classes);
        heatmap.Colormap = new ClassColormap(palette.Select(c => c.WithAlpha(0.35)).ToArray());
        heatmap.ManualRange = new ScottPlot.Range(-0.5, data.Classes - 0.5);
        heatmap.Extent = extent;
        int step = Math.Max(1, labels.Length / MaxPoints);
        for (int c = 0; c < data.Classes; c++)
        {
            var points = Enumerable.Range(0, labels.Length).Where(i => i % step == 0 && labels[i] == c)
                .Select(i => new Coordinates(xy[2 * i], xy[2 * i + 1])).ToArray();
            if (points.Length == 0) continue;
            var markers = plot.Add.Markers(points, MarkerShape.FilledCircle, 5, palette[c]);
            markers.LegendText = $"class {c}";
        }
        plot.Axes.SetLimits(extent);
        plot.ShowLegend(Alignment.UpperRight);
        return PlotStyle.Save(plot, path, 700, 640);
    }

    /// <summary>Predicted class per grid cell, rows from top (largest x₂) to bottom as the
    /// heatmap draws them, over the data's range plus a 10% margin.</summary>
    static (double[,] Classes, CoordinateRect Extent) Predict(nn.Module<Tensor, Tensor> module, Tensor features)
    {
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var (min, max) = (features.amin([0]).data<float>().ToArray(), features.amax([0]).data<float>().ToArray());
            double Margin(int d) => 0.1 * Math.Max(max[d] - min[d], 1e-6);
            var extent = new CoordinateRect(min[0] - Margin(0), max[0] + Margin(0), min[1] - Margin(1), max[1] + Margin(1));
            Tensor xs = linspace(extent.Left, extent.Right, Resolution);                 // (R)
            Tensor ys = linspace(extent.Top, extent.Bottom, Resolution);                 // (R), top row first
            Tensor[] grid = meshgrid([ys, xs], indexing: "ij");                          // 2 × (R, R)
            Tensor points = stack([grid[1].reshape(-1), grid[0].reshape(-1)], 1);        // (R², 2)
            long[] predicted = module.call(points.to_type(ScalarType.Float32)).argmax(1).data<long>().ToArray();
            var classes = new double[Resolution, Resolution];
            for (int row = 0; row < Resolution; row++)
                for (int column = 0; column < Resolution; column++)
                    classes[row, column] = predicted[row * Resolution + column];
            return (classes, extent);
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}

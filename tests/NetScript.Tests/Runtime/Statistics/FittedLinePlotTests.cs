using NetScript.Runtime.Statistics.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>A regression on one input writes fit.png: the points and the model's line.</summary>
[Collection(TorchCollection.Name)]
public sealed class FittedLinePlotTests
{
    [Fact]
    public void The_plotted_line_is_the_models_output_across_the_input_range()
    {
        using var linear = nn.Linear(1, 1);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 2f }).reshape(1, 1));
            linear.bias!.copy_(tensor(new float[] { 1f }));
        }
        var (x, y) = FittedLinePlot.Predict(linear, -3, 3);
        Assert.NotNull(y);
        Assert.Equal(-3, x[0], 6);
        Assert.Equal(3, x[^1], 6);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(2 * x[i] + 1, y![i], 1e-5);   // float32 arithmetic
    }

    [Fact]
    public void A_one_input_regression_run_writes_fit_png_and_a_classifier_does_not()
    {
        string runs = Scripts.TempDirectory();
        var (result, _) = Scripts.Run("""
            seed 1
            threads 1
            load dataset "outliers" as points
            model line { dense 1 }
            optimizer sgd lr=0.02
            train line on points epochs=2 batch=16 loss=mse
            """, runs);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        string folder = Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "line");
        Assert.True(Png.Size(Path.Combine(folder, "fit.png")).Width >= 300);
        Assert.False(File.Exists(Path.Combine(folder, "decision-boundary.png")));
    }
}

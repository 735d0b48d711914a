using System.Text.Json;
using NetScript.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Data;

/// <summary>The notes: preprocessing statistics come from the training data only. These
/// tests recompute the statistics by hand from the raw data and the split indices.</summary>
[Collection(TorchCollection.Name)]
public sealed class PreprocessingLeakageTests
{
    const string Script = """
        seed 42
        load dataset "spiral" classes=3 points=100 noise=0.2 as all
        split all into train=0.7 val=0.3 stratify
        preprocess { standardize eps=0 }
        """;

    [Fact]
    public void Standardize_uses_the_train_splits_mean_and_std_not_the_whole_sets()
    {
        // By hand: the same raw data and split indices the pipeline uses.
        using var raw = SpiralDataset.Generate(3, 100, 0.2, seed: 42);
        float[] x = raw.Features.data<float>().ToArray();
        long[][] parts = DatasetSplitter.Indices(raw.LabelArray(), [0.7, 0.3], stratify: true, seed: 42);
        var (trainMean, trainStd) = Stats(x, parts[0]);
        var (allMean, _) = Stats(x, Enumerable.Range(0, 300).Select(i => (long)i).ToArray());

        string runs = Scripts.TempDirectory();
        using var workspace = new Workspace();
        var folder = RunFolder.Create(runs, "leak.nns", Script);
        Assert.True(Pipelines.Execute(Script, workspace, runFolder: folder).Succeeded);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "preprocessing.json")));
        var state = json.RootElement.GetProperty("Transforms")[0];
        Assert.Equal("train", state.GetProperty("FitOn").GetString());
        var tensors = state.GetProperty("Tensors");
        double[] fittedMean = tensors.GetProperty("mean").GetProperty("Values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] fittedStd = tensors.GetProperty("std").GetProperty("Values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int f = 0; f < 2; f++)
        {
            Assert.Equal(trainMean[f], fittedMean[f], 1e-5);
            Assert.Equal(trainStd[f], fittedStd[f], 1e-5);
            Assert.True(Math.Abs(allMean[f] - fittedMean[f]) > 1e-3, "the whole set's mean would be indistinguishable");
        }

        // Applied to every split with the train statistics: train becomes exactly standard,
        // validation is (x − μ_train) / σ_train, row by row.
        float[] train = workspace.Dataset("train").Features.data<float>().ToArray();
        float[] val = workspace.Dataset("val").Features.data<float>().ToArray();
        var (standardMean, standardStd) = Stats(train, Enumerable.Range(0, 210).Select(i => (long)i).ToArray());
        for (int f = 0; f < 2; f++)
        {
            Assert.Equal(0, standardMean[f], 1e-5);
            Assert.Equal(1, standardStd[f], 1e-4);
        }
        for (int row = 0; row < parts[1].Length; row++)
            for (int f = 0; f < 2; f++)
                Assert.Equal((x[2 * parts[1][row] + f] - trainMean[f]) / trainStd[f], val[2 * row + f], 1e-4);
    }

    static (double[] Mean, double[] Std) Stats(float[] x, long[] rows)
    {
        var mean = new double[2];
        var std = new double[2];
        for (int f = 0; f < 2; f++)
        {
            mean[f] = rows.Average(r => (double)x[2 * r + f]);
            std[f] = Math.Sqrt(rows.Average(r => Math.Pow(x[2 * r + f] - mean[f], 2)));
        }
        return (mean, std);
    }
}

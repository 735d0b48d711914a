using System.Text.Json;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using static TorchSharp.torch;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Data;

/// <summary>Data statements through the whole pipeline: files relative to the script,
/// errors at the `load` that caused them, statistics from the train split only.</summary>
[Collection(TorchCollection.Name)]
public sealed class DataPipelineTests
{
    [Fact]
    public void A_parquet_path_is_relative_to_the_script_and_its_footer_shapes_the_model()
    {
        string directory = Scripts.TempDirectory();
        using (var table = SampleTables.Load(SampleTables.Blobs))
            ParquetDatasetWriter.Write(table, Path.Combine(directory, "data", "blobs.parquet"), new ParquetWriteOptions { Label = "kind" });
        const string script = """
            seed 3
            load parquet "data/blobs.parquet" label=kind features=[x3, x0] as data
            split data into train=0.75 val=0.25 stratify
            preprocess { standardize }
            model m { dense 16 -> relu; dense 4 }
            train m on train epochs=2 validate=val
            """;
        var (result, events) = Scripts.Run(script, path: Path.Combine(directory, "blobs.nns"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var ready = events.Of<DatasetReady>().First();
        Assert.Equal(("data", 200L, "[2]", 4), (ready.Name, ready.Rows, ready.Shape, ready.Classes));
    }

    [Fact]
    public void NaN_in_a_file_stops_the_run_at_its_load_with_the_count_and_first_row()
    {
        string directory = Scripts.TempDirectory();
        var values = Enumerable.Range(0, 20).Select(i => i is 7 or 13 ? float.NaN : i).ToArray();
        ParquetDatasetWriter.Write(values, [2], new long[10], null, 2, Path.Combine(directory, "nan.parquet"), new ParquetWriteOptions());
        var (result, _) = Scripts.Run("seed 1\nload parquet \"nan.parquet\" as data\n", path: Path.Combine(directory, "nan.nns"));
        Diagnostic failure = Assert.Single(result.Diagnostics);
        Assert.Equal("NS0601", failure.Id);
        Assert.Equal(new TextLocation(2, 1), failure.Location);
        Assert.Equal("the features of \"nan.parquet\" have 2 NaN values (the first in row index 3); clean or impute them before training", failure.Message);
    }

    [Fact]
    public void Pca_is_fitted_on_the_train_split_only_and_applied_to_data_loaded_later()
    {
        const string script = """
            seed 42
            load dataset "blobs" as all
            split all into train=0.7 val=0.3 stratify
            preprocess { zero_center; pca 2 whiten eps=1e-6 }
            load dataset "blobs" as later
            """;
        using var raw = SampleTables.Load(SampleTables.Blobs);
        long[][] parts = DatasetSplitter.Indices(raw.LabelArray(), [0.7, 0.3], stratify: true, seed: 42);
        using var trainRows = raw.Select(parts[0]);
        using var byHand = PcaTransform.Fit(trainRows.Features, 2, whiten: true, eps: 1e-6);
        using var onAll = PcaTransform.Fit(raw.Features, 2, whiten: true, eps: 1e-6);

        string runs = Scripts.TempDirectory();
        using var workspace = new Workspace();
        var folder = RunFolder.Create(runs, "pca.nns", script);
        var result = Pipelines.Execute(script, workspace, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);

        var state = PreprocessingState.FromJson(File.ReadAllText(Path.Combine(folder.Path, "preprocessing.json")));
        Assert.Equal(["zero_center", "pca"], state.Transforms.Select(t => t.Kind));
        Assert.All(state.Transforms, t => Assert.Equal("train", t.FitOn));
        float[] fitted = state.Transforms[1].Tensors["components"].Values;
        Assert.Equal(Values(byHand.Components), fitted, new Close(1e-4));
        Assert.NotEqual(Values(onAll.Components), fitted, new Close(1e-4));

        // The train split is exactly white; data loaded later gets the same fitted mapping.
        using Tensor train = workspace.Dataset("train").Features;
        Assert.Equal([1.0, 0, 0, 1], Covariance(train), new Close(1e-3));
        using Tensor expected = byHand.Apply(raw.Features);
        Assert.Equal(Values(expected), Values(workspace.Dataset("later").Features), new Close(1e-3));
    }

    [Fact]
    public void A_bad_csv_cell_is_reported_by_the_checker_at_its_load_with_line_and_column()
    {
        string directory = Scripts.TempDirectory();
        File.WriteAllText(Path.Combine(directory, "t.csv"), "x,label\n1,0\n2,1\nabc,0\n");
        var compilation = Language.Semantics.CheckerGoldenTests.Check("seed 1\nload csv \"t.csv\" label=label as data\n", Path.Combine(directory, "t.nns"));
        Diagnostic failure = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("NS0601", new TextLocation(2, 10)), (failure.Id, failure.Location));
        Assert.Equal("line 4, column 1 (`x`) of \"t.csv\": `abc` is not a number", failure.Message);
    }

    [Fact]
    public void A_csv_load_needs_a_label_and_a_known_delimiter()
    {
        var compilation = Language.Semantics.CheckerGoldenTests.Check("load csv \"t.csv\" as a\nload csv \"t.csv\" label=y delimiter=\"|\" as b\n");
        Assert.Equal(["NS0204", "NS0202"], compilation.Diagnostics.Select(d => d.Id)); // a missing required argument, a wrong delimiter
        Assert.Equal("`delimiter` of `load csv` expects \",\", \";\" or \"\\t\", got \"|\"", compilation.Diagnostics[1].Message);
    }

    [FashionMnistFact]
    public void Fashion_mnist_loads_from_the_catalog()
    {
        var (result, events) = Scripts.Run("load dataset \"fashion-mnist\" split=test as test\n");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var ready = Assert.Single(events.Of<DatasetReady>());
        Assert.Equal((10_000L, "[1, 28, 28]", 10), (ready.Rows, ready.Shape, ready.Classes));
    }

    static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    static double[] Covariance(Tensor x)
    {
        using var centered = x - x.mean([0], keepdim: true);
        using var c = centered.t().mm(centered) / x.shape[0];
        return c.data<float>().ToArray().Select(v => (double)v).ToArray();
    }

    sealed class Close(double tolerance) : IEqualityComparer<float>, IEqualityComparer<double>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(float obj) => 0;

        public int GetHashCode(double obj) => 0;
    }
}

using System.Globalization;
using NetScript.Cli;
using NetScript.Data;
using NetScript.Runtime.Execution;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Export;

[Collection(TorchCollection.Name)]
public sealed class PredictTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("netscript-predict-").FullName;

    string PathOf(string name) => Path.Combine(_folder, name);

    string Script => $"""
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=40 as d
        split d into train=0.75 val=0.25 stratify
        export val to "{PathOf("raw.parquet")}"
        preprocess {"{"} standardize {"}"}
        model mlp {"{"} dense 16 -> relu; dense 3 {"}"}
        optimizer adam lr=0.02
        train mlp on train epochs=5 batch=16
        export mlp to "{PathOf("mlp.nnsm")}"

        """;

    (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Predict_applies_the_models_preprocessing_and_writes_its_softmax_probabilities()
    {
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Script, workspace).Succeeded);
        var (code, output, error) = Cli("predict", PathOf("mlp.nnsm"), PathOf("raw.parquet"), "--out", PathOf("preds.parquet"));
        Assert.True(code == 0, error);
        Assert.Contains("30 rows, probabilities of 3 classes", output);

        var module = workspace.Models["mlp"].Module;
        module.eval();
        using Tensor expected = module.call(workspace.Datasets["val"].Features).softmax(1); // (30, 3)
        using var preds = ParquetDatasetReader.Read(PathOf("preds.parquet"), new ParquetLoadOptions { Label = "predicted", Features = ["p_0", "p_1", "p_2"], Classes = 3 });
        Assert.True(preds.Features.allclose(expected, rtol: 0, atol: 1e-6));
        using Tensor argmax = expected.argmax(1);
        Assert.True(preds.Labels.equal(argmax).all().item<bool>());
        // The true labels came along, and the accuracy line agrees with them.
        using Tensor correct = argmax.eq(workspace.Datasets["val"].Labels).sum();
        double accuracy = correct.item<long>() / 30.0;
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "accuracy against `label` {0:0.0000}", accuracy), output);
    }

    [Fact]
    public void Predict_reads_csv_without_labels()
    {
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Script, workspace).Succeeded);
        File.WriteAllText(PathOf("new.csv"), "a,b\n0.1,0.2\n-1,0.5\n");
        var (code, output, error) = Cli("predict", PathOf("mlp.nnsm"), PathOf("new.csv"), "--out", PathOf("p.parquet"));
        Assert.True(code == 0, error);
        Assert.Contains("2 rows", output);
        Assert.DoesNotContain("accuracy", output);
    }

    [Fact]
    public void Wrong_columns_missing_files_and_bad_options_are_plain_errors_with_exit_codes()
    {
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Script, workspace).Succeeded);
        File.WriteAllText(PathOf("wide.csv"), "a,b,c\n1,2,3\n");
        var wide = Cli("predict", PathOf("mlp.nnsm"), PathOf("wide.csv"), "--out", PathOf("p.parquet"));
        Assert.Equal(1, wide.Code);
        Assert.Equal($"netscript: error NS1310: \"{PathOf("wide.csv")}\" has 3 feature columns (a, b, c); the model takes 2 values per sample ([2])", wide.Err.Trim());

        var missing = Cli("predict", PathOf("nope.nnsm"), PathOf("wide.csv"), "--out", PathOf("p.parquet"));
        Assert.Equal(1, missing.Code);
        Assert.Contains($"model file \"{PathOf("nope.nnsm")}\" does not exist", missing.Err);

        var notModel = Cli("predict", PathOf("raw.parquet"), PathOf("wide.csv"), "--out", PathOf("p.parquet"));
        Assert.Equal(1, notModel.Code);
        Assert.Contains("not a valid safetensors file", notModel.Err);

        Assert.Equal(2, Cli("predict", PathOf("mlp.nnsm"), PathOf("wide.csv")).Code);
        Assert.False(File.Exists(PathOf("p.parquet")));
    }

    [Fact]
    public void Predict_runs_a_cnn_on_image_rows_with_per_channel_standardization()
    {
        string images = PathOf("images.parquet");
        var random = new Random(2);
        float[] pixels = Enumerable.Range(0, 24 * 2 * 6 * 6).Select(_ => (float)random.Next(256)).ToArray();
        using (var data = TensorDataset.FromArrays(pixels, [2, 6, 6], Enumerable.Range(0, 24).Select(i => (long)(i % 2)).ToArray(), 2))
            ParquetDatasetWriter.Write(data, images);
        using var workspace = new Workspace();
        string script = $$"""
            seed 4
            threads 1
            load parquet "{{images}}" as d
            split d into train=0.5 test=0.5
            preprocess { scale 1/255; standardize per_channel }
            model cnn { conv 3 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2; flatten; dense 2 }
            train cnn on train epochs=2 batch=8
            export cnn to "{{PathOf("cnn.nnsm")}}"

            """;
        Assert.True(Pipelines.Execute(script, workspace).Succeeded);
        // All 24 raw rows, preprocessed by the file's statistics (fitted on `train`), as `d` was.
        var (code, _, error) = Cli("predict", PathOf("cnn.nnsm"), images, "--out", PathOf("preds.parquet"));
        Assert.True(code == 0, error);
        var module = workspace.Models["cnn"].Module;
        module.eval();
        using Tensor expected = module.call(workspace.Datasets["d"].Features).softmax(1); // (24, 2)
        using var preds = ParquetDatasetReader.Read(PathOf("preds.parquet"), new ParquetLoadOptions { Label = "predicted", Features = ["p_0", "p_1"], Classes = 2 });
        Assert.True(preds.Features.allclose(expected, rtol: 0, atol: 1e-6));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Export;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Export;

[Collection(TorchCollection.Name)]
public sealed class ModelFileTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("netscript-export-").FullName;

    const string Trained = """
        seed 3
        threads 1
        load dataset "spiral" classes=3 points=40 as d
        split d into train=0.75 val=0.25 stratify
        preprocess { standardize; pca k=2 whiten }
        model mlp {
          dense 16 -> batchnorm -> relu
          residual { dense 16 -> tanh; dense 8 }
          dropout 0.2
          dense 3
        }
        optimizer adam lr=0.02
        train mlp on train epochs=3 batch=16

        """;

    string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void An_exported_model_loads_back_with_identical_logits()
    {
        string file = PathOf("models/mlp.nnsm");
        using var trained = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export mlp to \"{file}\"\n", trained).Succeeded);
        using var loaded = new Workspace();
        var result = Pipelines.Execute($"load model \"{file}\" as m\n", loaded);
        Assert.True(result.Succeeded, result.Failure?.Message);

        var original = trained.Models["mlp"].Module;
        var copy = loaded.Models["m"].Module;
        original.eval();
        Tensor x = trained.Datasets["val"].Features;
        using Tensor expected = original.call(x);
        using Tensor actual = copy.call(x);
        Assert.True(expected.equal(actual).all().item<bool>(), "logits differ after the round trip");
        // Batchnorm's running statistics are part of the file, not just parameters.
        Assert.Contains("batchnorm1.running_var", ExportedModel.Read(file).Weights.Keys);
    }

    [Fact]
    public void Conv1d_layernorm_embedding_and_softmax_survive_the_round_trip()
    {
        string data = PathOf("tokens.parquet");
        var random = new Random(2);
        float[] tokens = Enumerable.Range(0, 40 * 5).Select(_ => (float)random.Next(8)).ToArray();
        using (var set = NetScript.Data.TensorDataset.FromArrays(tokens, [5], Enumerable.Range(0, 40).Select(i => (long)(i % 2)).ToArray(), 2))
            NetScript.Data.ParquetDatasetWriter.Write(set, data);
        string file = PathOf("seq.nnsm");
        string script = $$"""
            seed 3
            threads 1
            load parquet "{{data}}" as d
            split d into train=0.75 val=0.25 stratify
            model seq {
              embedding 8 3 -> conv1d 4 kernel=2 -> layernorm dims=2 -> relu -> flatten
              dense 2 -> softmax
            }
            train seq on train epochs=2 batch=10
            export seq to "{{file}}"

            """;
        using var trained = new Workspace();
        var run = Pipelines.Execute(script, trained);
        Assert.True(run.Succeeded, run.Failure?.Message);
        using var loaded = new Workspace();
        var result = Pipelines.Execute($"load model \"{file}\" as m\n", loaded);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(["embedding", "conv1d", "layernorm", "relu", "flatten", "dense", "softmax"], loaded.Models["m"].Plan.Layers.Select(l => l.Kind));
        var original = trained.Models["seq"].Module;
        original.eval();
        Tensor x = trained.Datasets["val"].Features;
        using Tensor expected = original.call(x);
        using Tensor actual = loaded.Models["m"].Module.call(x);
        Assert.True(expected.equal(actual).all().item<bool>(), "outputs differ after the round trip");
        Assert.Equal(1.0, actual.sum(1)[0].item<float>(), 5); // probabilities
        Assert.Equal("cross_entropy(label_smoothing=0) on probabilities", loaded.Models["m"].LossDescription);
    }

    [Fact]
    public void The_file_is_safetensors_laid_out_by_the_format()
    {
        string file = PathOf("mlp.nnsm");
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export mlp to \"{file}\"\n", workspace).Succeeded);

        byte[] bytes = File.ReadAllBytes(file);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength))!.AsObject();
        long end = 0;
        foreach (var (name, node) in header.Where(h => h.Key != "__metadata__").OrderBy(h => h.Value!["data_offsets"]![0]!.GetValue<long>()))
        {
            var offsets = node!["data_offsets"]!.AsArray().Select(o => o!.GetValue<long>()).ToArray();
            Assert.Equal(end, offsets[0]); // contiguous, no holes
            end = offsets[1];
        }
        Assert.Equal(bytes.Length - 8 - headerLength, end);

        // dense1.weight as raw little-endian float32 equals the module's weight.
        var w = header["model.dense1.weight"]!;
        Assert.Equal("F32", w["dtype"]!.GetValue<string>());
        Assert.Equal([16L, 2L], w["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
        long start = 8 + headerLength + w["data_offsets"]![0]!.GetValue<long>();
        float[] raw = Enumerable.Range(0, 32).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((int)start + 4 * i))).ToArray();
        var module = (TorchSharp.Modules.Linear)workspace.Models["mlp"].Module.named_children().First().module;
        Assert.Equal(module.weight!.data<float>().ToArray(), raw);

        var manifest = JsonNode.Parse(header["__metadata__"]!["netscript"]!.GetValue<string>())!;
        Assert.Equal(3, manifest["classes"]!.GetValue<int>());
        Assert.Equal(["standardize", "pca"], manifest["preprocessing"]!.AsArray().Select(p => p!["kind"]!.GetValue<string>()));
        Assert.Equal("residual1.dense2", manifest["layers"]![3]!["body"]![2]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_loaded_model_applies_the_files_preprocessing_like_the_session()
    {
        string file = PathOf("mlp.nnsm");
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export mlp to \"{file}\"\n", workspace).Succeeded);
        var model = ExportedModel.Read(file);
        Assert.Equal(NetScript.Language.Semantics.Shape.Of(2), model.Input);
        var transforms = model.Preprocessing.Restore();
        try
        {
            using Tensor raw = tensor(new float[] { 0.5f, -0.25f, 1f, 2f }).reshape(2, 2);
            using Tensor mine = NetScript.Data.PreprocessingState.Apply(transforms, raw);
            using Tensor session = NetScript.Data.PreprocessingState.Apply(workspace.Transforms, raw);
            Assert.True(mine.equal(session).all().item<bool>());
        }
        finally
        {
            foreach (var t in transforms) t.Dispose();
        }
    }

    [Fact]
    public void A_dataset_exports_to_parquet_after_preprocessing()
    {
        string file = PathOf("val.parquet");
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export val to \"{file}\"\n", workspace).Succeeded);
        using var reloaded = new Workspace();
        Assert.True(Pipelines.Execute($"load parquet \"{file}\" as v\n", reloaded).Succeeded);
        Assert.True(workspace.Datasets["val"].Features.equal(reloaded.Datasets["v"].Features).all().item<bool>());
        Assert.True(workspace.Datasets["val"].Labels.equal(reloaded.Datasets["v"].Labels).all().item<bool>());
    }

    [Fact]
    public void A_loaded_model_evaluates_and_trains_further()
    {
        string file = PathOf("mlp.nnsm");
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export mlp to \"{file}\"\n", workspace).Succeeded);
        var observer = new RecordingObserver();
        using var other = new Workspace();
        var result = Pipelines.Execute(Trained + $"load model \"{file}\" as m\nevaluate m on val\nevaluate mlp on val\ntrain m on train epochs=1 batch=16\n",
            other, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var evaluations = observer.Of<NetScript.Runtime.Events.EvaluationCompleted>().ToList();
        Assert.Equal(evaluations[1].Metrics.Loss, evaluations[0].Metrics.Loss);
        var loaded = Assert.Single(observer.Of<NetScript.Runtime.Events.ModelLoaded>());
        Assert.Equal(other.Models["mlp"].ParameterCount, loaded.Parameters);
        Assert.Equal("load model m from " + file + $": {loaded.Parameters:N0} parameters, samples [2], 3 classes", NetScript.Hosting.RunEventText.Describe(loaded));
    }

    [Fact]
    public void A_file_whose_weights_do_not_fit_its_layers_fails_at_the_load_naming_the_layer()
    {
        string file = PathOf("mlp.nnsm");
        using var workspace = new Workspace();
        Assert.True(Pipelines.Execute(Trained + $"export mlp to \"{file}\"\n", workspace).Succeeded);
        IReadOnlyDictionary<string, string> metadata;
        IReadOnlyDictionary<string, SafetensorsTensor> tensors;
        using (var stream = File.OpenRead(file)) (metadata, tensors) = SafetensorsFile.Read(stream);
        var changed = tensors.Select(t => (t.Key, t.Key == "model.dense2.weight" ? SafetensorsTensor.FromFloats([3, 4], new float[12]) : t.Value)).ToList();
        using (var stream = File.Create(file)) SafetensorsFile.Write(stream, changed, metadata);

        using var loaded = new Workspace();
        var options = new NetScript.Language.CompilationOptions(new NetScript.Runtime.Data.CatalogResolver());
        var compilation = NetScript.Language.Compilation.Create(NetScript.Language.Text.SourceText.From($"load model \"{file}\" as m\n", "load.nns"), options);
        Assert.False(compilation.HasErrors); // the manifest is consistent; the weights are read when the statement runs
        var result = new PipelineExecutor(loaded, new RecordingObserver(), null).Execute(compilation.Program!, CancellationToken.None);
        Assert.Equal("NS1302", result.Failure?.Id);
        Assert.EndsWith("`dense2.weight` has shape [3, 4], but layer `dense2` needs [3, 8]", result.Failure!.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

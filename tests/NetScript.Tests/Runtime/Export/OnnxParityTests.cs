using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetScript.Data;
using NetScript.Runtime.Execution;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace NetScript.Tests.Runtime.Export;

/// <summary>Exported ONNX graphs against ONNX Runtime: on the same raw inputs, the graph's
/// logits (preprocessing included) equal NetScript's within 1e-4.</summary>
[Collection(TorchCollection.Name)]
public sealed class OnnxParityTests : IDisposable
{
    const double Tolerance = 1e-4;
    readonly string _folder = Directory.CreateTempSubdirectory("netscript-onnx-").FullName;

    string PathOf(string name) => Path.Combine(_folder, name);

    static string Points(string preprocess, string layers) => $$"""
        seed 7
        threads 1
        load dataset "spiral" classes=3 points=30 noise=0.2 as d
        split d into train=0.8 val=0.2 stratify
        preprocess { {{preprocess}} }
        model m {
        {{layers}}
        }
        optimizer adam lr=0.01
        train m on train epochs=2 batch=16

        """;

    string Images(string preprocess, string layers)
    {
        string file = PathOf("images.parquet");
        if (!File.Exists(file))
        {
            var random = new Random(3);
            float[] pixels = Enumerable.Range(0, 48 * 2 * 8 * 8).Select(_ => (float)random.Next(256)).ToArray();
            long[] labels = Enumerable.Range(0, 48).Select(i => (long)(i % 3)).ToArray();
            using var data = TensorDataset.FromArrays(pixels, [2, 8, 8], labels, 3);
            ParquetDatasetWriter.Write(data, file);
        }
        return $$"""
            seed 7
            threads 1
            load parquet "{{file}}" as d
            split d into train=0.75 val=0.25 stratify
            preprocess { {{preprocess}} }
            model m {
            {{layers}}
            }
            optimizer adam lr=0.01
            train m on train epochs=2 batch=12

            """;
    }

    /// <summary>Runs the script, exports `m` to ONNX, and compares ONNX Runtime's logits and
    /// probabilities on random raw inputs with NetScript's.</summary>
    void AssertParity(string script, long[] rawShape, float scale = 1, bool ids = false)
    {
        string onnx = PathOf("m.onnx");
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script + $"export m to \"{onnx}\"\n", workspace);
        Assert.True(result.Succeeded, result.Failure?.Message);

        manual_seed(11);
        using Tensor raw = ids ? randint(0, (long)scale, [5, .. rawShape]).to_type(ScalarType.Float32) // token ids
            : rand([5, .. rawShape]).mul(scale); // (5, …) raw samples
        var module = workspace.Models["m"].Module;
        module.eval();
        float[] expected;
        using (no_grad())
        using (Tensor input = PreprocessingState.Apply(workspace.Transforms, raw))
        using (Tensor logits = module.call(input))
            expected = logits.contiguous().data<float>().ToArray();

        using var session = new InferenceSession(onnx);
        var tensor = new DenseTensor<float>(raw.contiguous().data<float>().ToArray(), rawShape.Prepend(5).Select(d => (int)d).ToArray());
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("input", tensor)]);
        bool probabilitiesOnly = workspace.Models["m"].Plan.OutputsProbabilities; // a model ending in softmax
        Assert.Equal(probabilitiesOnly ? ["probabilities"] : ["logits", "probabilities"], outputs.Select(o => o.Name));
        float[] actual = outputs.First(o => o.Name == (probabilitiesOnly ? "probabilities" : "logits")).AsEnumerable<float>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        double diff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(diff <= Tolerance, $"max |NetScript − ONNX Runtime| = {diff}");
        float[] probabilities = outputs.First(o => o.Name == "probabilities").AsEnumerable<float>().ToArray();
        Assert.Equal(1.0, probabilities.Take(3).Sum(), 5);
    }

    [Fact]
    public void The_mlp_with_batchnorm_dropout_and_pca_whitening_matches_onnx_runtime() =>
        AssertParity(Points("standardize; pca k=2 whiten", "dense 16 -> batchnorm -> relu -> dropout 0.3\ndense 3"), [2], scale: 4);

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("leaky_relu alpha=0.2")]
    [InlineData("prelu")]
    [InlineData("prelu per_channel")]
    [InlineData("elu alpha=0.5")]
    [InlineData("selu")]
    [InlineData("gelu")]
    [InlineData("gelu approximate=tanh")]
    [InlineData("softplus beta=2 threshold=1")]
    [InlineData("pwl k1=1 k2=0.1")]
    public void Each_activation_matches_onnx_runtime(string activation) =>
        AssertParity(Points("minmax", $"dense 8 -> {activation}\ndense 3"), [2], scale: 3);

    [Fact]
    public void Maxout_and_dropconnect_dense_match_onnx_runtime() =>
        AssertParity(Points("zero_center", "maxout 6 k=3\ndense 8 dropconnect=0.3 -> relu\ndense 3 bias=false"), [2], scale: 2);

    [Fact]
    public void The_cnn_with_scale_standardize_per_channel_batchnorm_and_pools_matches_onnx_runtime() =>
        AssertParity(Images("scale 1/255; standardize per_channel",
            "conv 4 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2\nconv 6 kernel=3 stride=2 pad=1 dilation=1 -> relu -> avgpool 2 stride=1 pad=1\nflatten\ndense 8 -> relu -> dropout 0.5\ndense 3"),
            [2, 8, 8], scale: 255);

    [Fact]
    public void Residual_blocks_with_projection_stochastic_depth_and_global_pooling_match_onnx_runtime() =>
        AssertParity(Images("zero_center per_channel; zca eps=0.1",
            "conv 4 kernel=3 pad=1 -> relu\nresidual { conv 4 kernel=3 pad=1 -> batchnorm -> relu; conv 4 kernel=3 pad=1 }\nresidual stochastic_depth=0.2 { conv 6 kernel=3 stride=2 pad=1 -> relu }\nglobal_avgpool\ndense 3"),
            [2, 8, 8], scale: 255);

    [Fact]
    public void A_residual_mlp_block_with_a_dense_projection_matches_onnx_runtime() =>
        AssertParity(Points("standardize", "dense 8 -> relu\nresidual { dense 8 -> batchnorm -> tanh; dense 4 }\ndense 3"), [2], scale: 4);

    [Fact]
    public void Conv1d_layernorm_and_a_final_softmax_match_onnx_runtime() =>
        AssertParity(Points("standardize", "dense 8 -> relu -> conv1d 3 kernel=3 stride=2 pad=1 -> layernorm dims=2 -> relu\nconv1d 2 kernel=2 dilation=2 -> layernorm\nflatten\ndense 3 -> softmax"),
            [2], scale: 4);

    [Fact]
    public void Embedding_then_conv1d_matches_onnx_runtime()
    {
        string file = PathOf("tokens.parquet");
        var random = new Random(5);
        float[] tokens = Enumerable.Range(0, 48 * 6).Select(_ => (float)random.Next(10)).ToArray();
        using (var data = TensorDataset.FromArrays(tokens, [6], Enumerable.Range(0, 48).Select(i => (long)(i % 3)).ToArray(), 3))
            ParquetDatasetWriter.Write(data, file);
        string script = $$"""
            seed 7
            threads 1
            load parquet "{{file}}" as d
            split d into train=0.75 val=0.25 stratify
            model m {
            embedding 10 4 -> conv1d 5 kernel=3 -> layernorm -> relu -> flatten
            dense 3
            }
            optimizer adam lr=0.01
            train m on train epochs=2 batch=12

            """;
        AssertParity(script, [6], scale: 10, ids: true);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training.Losses;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>softmax, layernorm, conv1d and embedding: shapes and parameter counts from the
/// checker, outputs against hand computations with weights set by the test, and the loss of a
/// model that outputs probabilities.</summary>
[Collection(TorchCollection.Name)]
public sealed class SequenceLayerTests
{
    static nn.Module<Tensor, Tensor> Build(ModelSpec plan)
    {
        manual_seed(5);
        return ModelBuilder.Build(plan);
    }

    /// <summary>Sets the named parameter (e.g. <c>conv1d1.weight</c>) to <paramref name="values"/>.</summary>
    static void Set(nn.Module module, string name, float[] values)
    {
        using var noGrad = no_grad();
        var parameter = module.named_parameters().Single(p => p.name == name).parameter;
        using Tensor source = tensor(values).reshape(parameter.shape);
        parameter.copy_(source);
    }

    static float[] Run(nn.Module<Tensor, Tensor> module, float[] input, long[] shape)
    {
        using var scope = NewDisposeScope();
        return module.call(tensor(input).reshape(shape)).contiguous().data<float>().ToArray();
    }

    static void Close(IEnumerable<double> expected, IEnumerable<double> actual, double tolerance)
    {
        double[] e = [.. expected], a = [.. actual];
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"[{i}]: {a[i]}, expected {e[i]}");
    }

    [Fact]
    public void Shapes_and_parameter_counts_match_a_hand_computation()
    {
        ModelSpec plan = EnginePlans.Plan("""
            conv1d 4 kernel=3 stride=2 pad=1 -> layernorm dims=2 -> relu
            conv1d 6 kernel=2 dilation=2 bias=false -> layernorm -> flatten
            dense 5 -> softmax
            """, Shape.Of(3, 10));
        (string Kind, string Output, long Parameters)[] expected =
        [
            ("conv1d", "[4, 5]", 4 * 3 * 3 + 4),   // ⌊(10 + 2 − 3)/2⌋ + 1 = 5
            ("layernorm", "[4, 5]", 2 * 20),       // γ, β per element of the last two dims
            ("relu", "[4, 5]", 0),
            ("conv1d", "[6, 3]", 6 * 4 * 2),       // span 3: 5 − 3 + 1 = 3, no bias
            ("layernorm", "[6, 3]", 2 * 3),        // over the last dim only
            ("flatten", "[18]", 0),
            ("dense", "[5]", 18 * 5 + 5),
            ("softmax", "[5]", 0),
        ];
        Assert.Equal(expected, plan.Layers.Select(l => (l.Kind, l.Output.ToString(), l.Parameters)).ToArray());
        using var module = Build(plan);
        Assert.Equal(plan.Parameters, module.parameters().Sum(p => p.numel()));
        using var scope = NewDisposeScope();
        Assert.Equal([2L, 5L], module.call(randn(2, 3, 10)).shape);

        // Embedding vectors are channels, positions the length: conv1d slides along the sequence.
        ModelSpec tokens = EnginePlans.Plan("embedding 50 4 -> conv1d 2 kernel=3 -> flatten", Shape.Of(7));
        Assert.Equal(["[4, 7]", "[2, 5]", "[10]"], tokens.Layers.Select(l => l.Output.ToString()));
        Assert.Equal([50L * 4, 2 * 4 * 3 + 2, 0], tokens.Layers.Select(l => l.Parameters));
        ModelSpec flat = EnginePlans.Plan("conv1d 3 kernel=4 stride=2 -> flatten", Shape.Of(9)); // one channel of length 9
        Assert.Equal("[3, 3]", flat.Layers[0].Output.ToString());
        Assert.Equal(3 * 1 * 4 + 3, flat.Layers[0].Parameters);
    }

    [Fact]
    public void Misplaced_layers_are_reported_at_the_layer_with_the_reason()
    {
        (string Model, Shape Input, string Message)[] cases =
        [
            ("softmax -> flatten -> dense 3", Shape.Of(2, 3, 3), "`softmax1` cannot take input of shape [2, 3, 3]: `softmax` turns a flat input of scores (one dimension) into probabilities; add `flatten` before it"),
            ("conv1d 4 kernel=7 -> flatten -> dense 3", Shape.Of(2, 5), "`conv1d1` cannot take input of shape [2, 5]: the kernel 7 is longer than the input length 5"),
            ("conv1d 4 -> flatten -> dense 3", Shape.Of(1, 5, 5), "`conv1d1` cannot take input of shape [1, 5, 5]: `conv1d` needs sequences (channels, length) or a flat input (one channel)"),
            ("layernorm dims=2 -> dense 3", Shape.Of(4), "`layernorm1` cannot take input of shape [4]: `layernorm dims=2` normalises over the last 2 dimensions, but the input has 1"),
            ("embedding 10 4 -> flatten -> dense 3", Shape.Of(1, 4, 4), "`embedding1` cannot take input of shape [1, 4, 4]: `embedding` looks up a flat input of token ids (one dimension)"),
        ];
        foreach (var (model, input, message) in cases)
        {
            var error = Assert.Single(EnginePlans.Check(model, input).Diagnostics);
            Assert.Equal("NS0302", error.Id);
            Assert.Equal(message, error.Message);
            Assert.Equal(4, error.Location!.Value.Line);
        }
    }

    [Fact]
    public void Softmax_outputs_probabilities()
    {
        using var module = Build(EnginePlans.Plan("softmax", Shape.Of(3)));
        float[] p = Run(module, [1, 2, 3], [1, 3]);
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Close([Math.Exp(1) / z, Math.Exp(2) / z, Math.Exp(3) / z], p.Select(v => (double)v), 1e-6);
    }

    [Fact]
    public void Cross_entropy_on_a_softmax_model_takes_the_log_of_its_probabilities()
    {
        TrainPlan step = EnginePlans.Lowered("dense 3 -> softmax", Shape.Of(2), train: "loss=cross_entropy(label_smoothing=0.1)");
        var lowered = Assert.IsType<CrossEntropyLoss>(step.Loss);
        Assert.True(lowered.OnProbabilities);
        Assert.Equal("cross_entropy(label_smoothing=0.1) on probabilities", lowered.ToString());
        Assert.False(Assert.IsType<CrossEntropyLoss>(EnginePlans.Lowered("dense 3", Shape.Of(2)).Loss).OnProbabilities);

        using var smooth = LossFactory.Create(step.Loss, Shape.Of(3), 3);
        using var plain = LossFactory.Create(EnginePlans.Lowered("dense 3 -> softmax", Shape.Of(2)).Loss, Shape.Of(3), 3);
        using var scope = NewDisposeScope();
        Tensor p = tensor(new float[,] { { 0.7f, 0.2f, 0.1f }, { 0.25f, 0.5f, 0.25f } });
        Tensor y = tensor(new long[] { 0, 2 });
        // −log p_y per sample, averaged: (−log 0.7 − log 0.25)/2 = 0.871497…
        Assert.Equal((-Math.Log(0.7) - Math.Log(0.25)) / 2, plain.call(p, y).item<float>(), 5);
        // Smoothing 0.1 over 3 classes: 0.9·(−log p_y) + 0.1·mean_j(−log p_j), per sample.
        double Smooth(double py, double[] all) => 0.9 * -Math.Log(py) + 0.1 * all.Average(v => -Math.Log(v));
        Assert.Equal((Smooth(0.7, [0.7, 0.2, 0.1]) + Smooth(0.25, [0.25, 0.5, 0.25])) / 2, smooth.call(p, y).item<float>(), 5);
        // A probability of 0 is clipped to 1e−7: the loss is −log 1e−7 = 16.118…, not infinity.
        Assert.Equal(-Math.Log(1e-7), plain.call(tensor(new float[,] { { 1f, 0f, 0f } }), tensor(new long[] { 1 })).item<float>(), 3);
    }

    [Fact]
    public void A_softmax_model_trains_on_the_same_loss_as_the_logits_model_without_it()
    {
        // Same weights: the loss through softmax + log equals cross_entropy on the logits.
        ModelSpec probabilities = EnginePlans.Lowered("dense 3 -> softmax", Shape.Of(2)).Network;
        TrainPlan logitsStep = EnginePlans.Lowered("dense 3", Shape.Of(2));
        using var withSoftmax = Build(probabilities);
        using var withoutSoftmax = Build(logitsStep.Network);
        using var onProbabilities = LossFactory.Create(EnginePlans.Lowered("dense 3 -> softmax", Shape.Of(2)).Loss, Shape.Of(3), 3);
        using var onLogits = LossFactory.Create(logitsStep.Loss, Shape.Of(3), 3);
        using var scope = NewDisposeScope();
        Tensor x = tensor(new float[,] { { 0.5f, -1f }, { 2f, 0.3f }, { -0.7f, 0.1f } });
        Tensor y = tensor(new long[] { 2, 0, 1 });
        double a = onProbabilities.call(withSoftmax.call(x), y).item<float>(), b = onLogits.call(withoutSoftmax.call(x), y).item<float>();
        Assert.Equal(b, a, 5);
    }

    [Fact]
    public void Softmax_before_cross_entropy_is_not_linted_but_before_a_sigmoid_loss_it_is()
    {
        Assert.DoesNotContain(EnginePlans.Check("dense 3 -> softmax", Shape.Of(2)).Diagnostics, d => d.Id == "NS0506");
        var binary = EnginePlans.Check("dense 2 -> softmax", Shape.Of(2), classes: 0, targets: Shape.Of(2), train: "loss=binary_cross_entropy");
        var lint = Assert.Single(binary.Diagnostics, d => d.Id == "NS0506");
        Assert.Contains("squashed twice", lint.Message);
        Assert.Contains(EnginePlans.Check("dense 3 -> sigmoid", Shape.Of(2)).Diagnostics, d => d.Id == "NS0506"); // unchanged
    }

    [Fact]
    public void Layernorm_follows_the_formula_over_the_last_dims()
    {
        float[] x = [1, 2, 4, -1, 0, 7];                                 // one sample (2, 3)
        // dims=1: each row of 3 normalised on its own, γ = [1, 2, 3], β = [0, 0.5, -1].
        using (var rows = Build(EnginePlans.Plan("layernorm eps=0.001 -> flatten", Shape.Of(2, 3))))
        {
            Set(rows, "layernorm1.weight", [1, 2, 3]);
            Set(rows, "layernorm1.bias", [0, 0.5f, -1]);
            float[] actual = Run(rows, x, [1, 2, 3]);
            double[] expected = new double[6];
            double[] gamma = [1, 2, 3], beta = [0, 0.5, -1];
            for (int r = 0; r < 2; r++)
            {
                double[] row = x.Skip(3 * r).Take(3).Select(v => (double)v).ToArray();
                double mean = row.Average(), variance = row.Average(v => (v - mean) * (v - mean)); // biased
                for (int j = 0; j < 3; j++) expected[3 * r + j] = (row[j] - mean) / Math.Sqrt(variance + 0.001) * gamma[j] + beta[j];
            }
            Close(expected, actual.Select(v => (double)v), 1e-5);
            // Row 1 by hand: mean 7/3, variance ((4/3)² + (1/3)² + (5/3)²)/3 = 14/9.
            Assert.Equal((1 - 7.0 / 3) / Math.Sqrt(14.0 / 9 + 0.001), actual[0], 5);
        }
        // dims=2 without affine: the whole sample, mean 13/6.
        using var whole = Build(EnginePlans.Plan("layernorm dims=2 affine=false -> flatten", Shape.Of(2, 3)));
        Assert.Empty(whole.parameters());
        float[] all = Run(whole, x, [1, 2, 3]);
        double m = x.Average(v => (double)v), var = x.Average(v => (v - m) * (v - m));
        Close(x.Select(v => (v - m) / Math.Sqrt(var + 1e-5)), all.Select(v => (double)v), 1e-5);
    }

    [Fact]
    public void Conv1d_is_a_hand_cross_correlation()
    {
        // Input (2 channels, length 5), 1 filter of kernel 2, stride 2, pad 1, bias 0.5.
        using var module = Build(EnginePlans.Plan("conv1d 1 kernel=2 stride=2 pad=1 -> flatten", Shape.Of(2, 5)));
        Set(module, "conv1d1.weight", [1, -1, /* channel 2: */ 2, 0.5f]);
        Set(module, "conv1d1.bias", [0.5f]);
        float[] x = [1, 2, 3, 4, 5, /* channel 2: */ 10, 20, 30, 40, 50];
        // Padded channels: [0 1 2 3 4 5 0] and [0 10 20 30 40 50 0]; windows start at 0, 2, 4:
        //   t=0: (0·1 + 1·−1) + (0·2 + 10·0.5) + 0.5 = 4.5
        //   t=1: (2·1 + 3·−1) + (20·2 + 30·0.5) + 0.5 = 54.5
        //   t=2: (4·1 + 5·−1) + (40·2 + 50·0.5) + 0.5 = 104.5
        Assert.Equal([4.5f, 54.5f, 104.5f], Run(module, x, [1, 2, 5]));

        // A flat input is one channel; dilation 2 spans 3 taps: y_t = x_t − x_{t+2}.
        using var flat = Build(EnginePlans.Plan("conv1d 1 kernel=2 dilation=2 bias=false -> flatten", Shape.Of(5)));
        Set(flat, "conv1d1.weight", [1, -1]);
        Assert.Equal([1 - 9f, 4 - 16f, 9 - 25f], Run(flat, [1, 4, 9, 16, 25], [1, 5]));
    }

    [Fact]
    public void Embedding_looks_up_the_weight_row_of_each_id()
    {
        ModelSpec plan = EnginePlans.Plan("embedding 5 3 -> flatten", Shape.Of(4));
        using var module = Build(plan);
        using var scope = NewDisposeScope();
        Tensor weight = module.named_parameters().Single().parameter;
        Assert.Equal([5L, 3L], weight.shape);
        Tensor ids = tensor(new float[,] { { 4, 0, 0, 2 }, { 1, 3, 4, 4 } });
        var children = module.named_children().Select(c => (nn.Module<Tensor, Tensor>)c.module).ToArray();
        Tensor output = children[0].call(ids);
        Assert.Equal([2L, 3L, 4L], output.shape);                                      // (B, dim, L): channels first
        long[][] rows = [[4, 0, 0, 2], [1, 3, 4, 4]];
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < 4; t++)
                Assert.True(output[b, .., t].equal(weight[rows[b][t]]).all().item<bool>(), $"sample {b}, position {t}");
        // Gradients reach exactly the rows used: id 4 three times, id 1 once, … as counts of ones.
        output.sum().backward();
        Assert.Equal([2f, 1, 1, 1, 3], weight.grad!.sum(1).div(3).data<float>().ToArray());
        // PyTorch's nn.Embedding init: N(0, 1).
        using var big = Build(EnginePlans.Plan("embedding 2000 50 -> flatten", Shape.Of(1)));
        Tensor w = big.parameters().Single();
        Assert.InRange(w.std().item<float>(), 0.98, 1.02);
        Assert.InRange(w.mean().item<float>(), -0.01, 0.01);
    }

    [Fact]
    public void Embedding_refuses_ids_outside_the_vocabulary_or_not_whole()
    {
        using var module = Build(EnginePlans.Plan("embedding 5 3 -> flatten", Shape.Of(2)));
        foreach (var (ids, shown) in new[] { (new float[] { 1, 5 }, "5"), (new float[] { -1, 0 }, "-1"), (new float[] { 2.5f, 1 }, "2.5") })
        {
            var failure = Assert.Throws<RuntimeFailure>(() => Run(module, ids, [1, 2]));
            Assert.Equal($"`embedding` takes token ids, whole numbers from 0 to 4 (vocab=5); the input holds {shown}", failure.Message);
        }
    }
}

using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export.Onnx;

/// <summary>Writes a model's layers as ONNX operators in inference mode: dropout disappears,
/// batchnorm uses its running statistics, a residual branch with stochastic depth is scaled by
/// its survival probability (as the module does when evaluating). Weights are taken from the
/// module's state dict by the layers' module names (<c>residual1.conv2.weight</c>).</summary>
internal sealed class OnnxLayers(OnnxGraph graph, IReadOnlyDictionary<string, Tensor> weights)
{
    /// <summary>Emits <paramref name="layers"/> on <paramref name="x"/>; returns the output value.</summary>
    public string Emit(IEnumerable<LayerSpec> layers, string x, string prefix = "")
    {
        var counts = new Dictionary<string, int>();
        foreach (LayerSpec layer in layers)
        {
            counts[layer.Kind] = counts.GetValueOrDefault(layer.Kind) + 1;
            x = Emit(layer, x, $"{prefix}{layer.Kind}{counts[layer.Kind]}");
        }
        return x;
    }

    string Emit(LayerSpec layer, string x, string name) => layer.Operation switch
    {
        DenseLayer => Gemm(x, name),
        MaxoutLayer m => Maxout(x, name, m.Units, m.K),
        ConvLayer c => graph.Node("Conv", name, [x, .. Affine(name)], ("kernel_shape", Pair(c.Kernel)),
            ("strides", Pair(c.Stride)), ("pads", Quad(c.Pad)), ("dilations", Pair(c.Dilation))),
        Conv1dLayer c => graph.Node("Conv", name, [layer.Input.Rank == 1 ? graph.Node("Unsqueeze", name + "_channel", [x, graph.Int64s(name + "_axis", [1])]) : x,
                .. Affine(name)], ("kernel_shape", new[] { c.Kernel }), ("strides", new[] { c.Stride }), ("pads", Pair(c.Pad)), ("dilations", new[] { c.Dilation })),
        LayerNormLayer n => LayerNorm(x, name, layer.Input, n.Dims, n.Eps, n.Affine),
        SoftmaxLayer => graph.Node("Softmax", name, [x], ("axis", 1L)),
        EmbeddingLayer => graph.Node("Transpose", name, [graph.Node("Gather", name + "_rows", [Weight(name + ".weight"),
            graph.Node("Cast", name + "_ids", [x], ("to", 7L))], ("axis", 0L))], ("perm", new[] { 0L, 2L, 1L })), // 7: INT64; (B, L, dim) -> (B, dim, L)
        PoolLayer { Average: false } p => graph.Node("MaxPool", name, [x], ("kernel_shape", Pair(p.Kernel)),
            ("strides", Pair(p.Stride ?? p.Kernel)), ("pads", Quad(p.Pad))),
        PoolLayer p => graph.Node("AveragePool", name, [x], ("kernel_shape", Pair(p.Kernel)),
            ("strides", Pair(p.Stride ?? p.Kernel)), ("pads", Quad(p.Pad)), ("count_include_pad", 1L)),
        GlobalAvgPoolLayer => graph.Node("Flatten", name, [graph.Node("GlobalAveragePool", name + "_pool", [x])], ("axis", 1L)),
        FlattenLayer => graph.Node("Flatten", name, [x], ("axis", 1L)),
        BatchNormLayer b => BatchNorm(x, name, layer.Input.Dims[0], b.Eps, b.Affine),
        DropoutLayer => x,
        ActivationLayer { Function: Activation.Sigmoid } => graph.Node("Sigmoid", name, [x]),
        ActivationLayer { Function: Activation.Tanh } => graph.Node("Tanh", name, [x]),
        ActivationLayer { Function: Activation.Relu } => graph.Node("Relu", name, [x]),
        ActivationLayer { Function: Activation.Selu } => graph.Node("Selu", name, [x]),
        LeakyReluLayer l => graph.Node("LeakyRelu", name, [x], ("alpha", l.Alpha)),
        EluLayer e => graph.Node("Elu", name, [x], ("alpha", e.Alpha)),
        PreluLayer => PRelu(x, name, layer.Input),
        GeluLayer g => g.Approximate == GeluApproximation.Tanh ? GeluTanh(x, name) : GeluErf(x, name),
        SoftplusLayer p => Softplus(x, name, p.Beta, p.Threshold),
        PiecewiseLinearLayer => Pwl(x, name),
        ResidualLayer r => Residual(layer, x, name, r.StochasticDepth),
        _ => throw new ExportException($"layer `{layer.Kind}` has no ONNX equivalent in NetScript's exporter"),
    };

    string Gemm(string x, string name) => graph.Node("Gemm", name, [x, .. Affine(name)], ("transB", 1L));

    /// <summary>The weight and, when the layer has one, the bias.</summary>
    string[] Affine(string name) => weights.ContainsKey(name + ".bias") ? [Weight(name + ".weight"), Weight(name + ".bias")] : [Weight(name + ".weight")];

    string Maxout(string x, string name, long units, long k)
    {
        string affine = Gemm(x, name);                                                                 // (B, units·k)
        string pieces = graph.Node("Reshape", name + "_pieces", [affine, graph.Int64s(name + "_shape", [-1, units, k])]); // (B, units, k)
        return graph.Node("ReduceMax", name + "_max", [pieces], ("axes", new[] { 2L }), ("keepdims", 0L));
    }

    string BatchNorm(string x, string name, long channels, double eps, bool affine)
    {
        string scale = affine ? Weight(name + ".weight") : graph.Constant(name + ".weight", [channels], Enumerable.Repeat(1f, (int)channels).ToArray());
        string bias = affine ? Weight(name + ".bias") : graph.Constant(name + ".bias", [channels], new float[channels]);
        return graph.Node("BatchNormalization", name, [x, scale, bias, Weight(name + ".running_mean"), Weight(name + ".running_var")], ("epsilon", eps));
    }

    /// <summary>(x − mean) / √(var + eps)·γ + β over the last <paramref name="dims"/> axes
    /// (opset 13 has no LayerNormalization operator).</summary>
    string LayerNorm(string x, string name, Shape input, long dims, double eps, bool affine)
    {
        long[] axes = [.. Enumerable.Range(input.Rank + 1 - (int)dims, (int)dims).Select(a => (long)a)]; // batch is axis 0
        string centred = graph.Node("Sub", name + "_centred", [x, graph.Node("ReduceMean", name + "_mean", [x], ("axes", axes), ("keepdims", 1L))]);
        string variance = graph.Node("ReduceMean", name + "_var", [graph.Node("Mul", name + "_sq", [centred, centred])], ("axes", axes), ("keepdims", 1L));
        string std = graph.Node("Sqrt", name + "_std", [graph.Node("Add", name + "_vareps", [variance, graph.Scalar(name + "_eps", (float)eps)])]);
        string normalised = graph.Node("Div", affine ? name + "_norm" : name, [centred, std]);
        return affine ? graph.Node("Add", name, [graph.Node("Mul", name + "_scaled", [normalised, Weight(name + ".weight")]), Weight(name + ".bias")]) : normalised;
    }

    /// <summary>One slope, or one per channel broadcast over (C, 1, 1) of images.</summary>
    string PRelu(string x, string name, Shape input)
    {
        Tensor slope = weights[name + ".weight"];
        long[] dims = slope.numel() == 1 ? [1] : input.Rank > 1 ? [slope.numel(), .. Enumerable.Repeat(1L, input.Rank - 1)] : [slope.numel()];
        return graph.Node("PRelu", name, [x, graph.Constant(name + ".weight", dims, Values(slope))]);
    }

    /// <summary>x·Φ(x) = 0.5·x·(1 + erf(x/√2)).</summary>
    string GeluErf(string x, string name)
    {
        string erf = graph.Node("Erf", name + "_erf", [graph.Node("Div", name + "_scaled", [x, graph.Scalar(name + "_sqrt2", MathF.Sqrt(2f))])]);
        string onePlus = graph.Node("Add", name + "_1p", [erf, graph.Scalar(name + "_one", 1f)]);
        return graph.Node("Mul", name, [graph.Node("Mul", name + "_half", [x, graph.Scalar(name + "_0.5", 0.5f)]), onePlus]);
    }

    /// <summary>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
    string GeluTanh(string x, string name)
    {
        string cube = graph.Node("Mul", name + "_x3", [graph.Node("Mul", name + "_x2", [x, x]), x]);
        string inner = graph.Node("Add", name + "_inner", [x, graph.Node("Mul", name + "_c", [cube, graph.Scalar(name + "_k", 0.044715f)])]);
        string tanh = graph.Node("Tanh", name + "_tanh", [graph.Node("Mul", name + "_s", [inner, graph.Scalar(name + "_r", MathF.Sqrt(2f / MathF.PI))])]);
        string onePlus = graph.Node("Add", name + "_1p", [tanh, graph.Scalar(name + "_one", 1f)]);
        return graph.Node("Mul", name, [graph.Node("Mul", name + "_half", [x, graph.Scalar(name + "_0.5", 0.5f)]), onePlus]);
    }

    /// <summary>log(1 + e^(βx))/β, and x itself where βx &gt; threshold (as nn.Softplus).</summary>
    string Softplus(string x, string name, double beta, double threshold)
    {
        string scaled = graph.Node("Mul", name + "_bx", [x, graph.Scalar(name + "_beta", (float)beta)]);
        string soft = graph.Node("Div", name + "_soft", [graph.Node("Softplus", name + "_sp", [scaled]), graph.Scalar(name + "_beta", (float)beta)]);
        string linear = graph.Node("Greater", name + "_linear", [scaled, graph.Scalar(name + "_threshold", (float)threshold)]);
        return graph.Node("Where", name, [linear, x, soft]);
    }

    /// <summary>k1·max(x, 0) + k2·min(x, 0).</summary>
    string Pwl(string x, string name)
    {
        string zero = graph.Scalar(name + "_zero", 0f);
        string positive = graph.Node("Mul", name + "_pos", [graph.Node("Max", name + "_max", [x, zero]), Weight(name + ".k1")]);
        string negative = graph.Node("Mul", name + "_neg", [graph.Node("Min", name + "_min", [x, zero]), Weight(name + ".k2")]);
        return graph.Node("Add", name, [positive, negative]);
    }

    string Residual(LayerSpec layer, string x, string name, double drop)
    {
        string shortcut = layer.Shortcut is { } projection ? Emit(projection, x, name + ".shortcut") : x;
        string branch = Emit(layer.Body, x, name + ".");
        if (drop > 0) branch = graph.Node("Mul", name + "_survival", [branch, graph.Scalar(name + "_keep", (float)(1 - drop))]);
        return graph.Node("Add", name, [shortcut, branch]);
    }

    string Weight(string key)
    {
        Tensor value = weights.TryGetValue(key, out var t) ? t : throw new ExportException($"the model has no tensor `{key}`");
        return graph.Constant(key, value.shape, Values(value));
    }

    static float[] Values(Tensor t)
    {
        using Tensor cpu = t.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return cpu.data<float>().ToArray();
    }

    static long[] Pair(long v) => [v, v];

    static long[] Quad(long v) => [v, v, v, v];
}

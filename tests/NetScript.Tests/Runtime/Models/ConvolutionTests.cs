using System.Globalization;
using NetScript.Runtime;
using NetScript.Runtime.Models.Layers;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Models;

/// <summary>Conv layers against a float64 reference computed from the same values, after the
/// memory libtorch is about to reuse has been filled with NaN: a kernel that reads memory it
/// never wrote (libtorch's oneDNN convolutions do, on partial blocks of 16 channels) then
/// shows NaN or a wrong gradient instead of passing by luck.</summary>
[Collection(TorchCollection.Name)]
public sealed class ConvolutionTests
{
    /// <summary>Allocates and frees NaN-filled tensors of assorted sizes, so the allocator's
    /// next blocks hold NaN (TorchRuntime keeps freed memory for reuse).</summary>
    internal static void PoisonFreedMemory()
    {
        var poison = new List<Tensor>();
        for (int k = 1; k < 400; k++) poison.Add(full([k * 7 % 1000 + 1], float.NaN));
        for (int k = 1; k < 60; k++) poison.Add(full([k * 1500], float.NaN));
        foreach (Tensor t in poison) t.Dispose();
    }

    public static TheoryData<int, int, int, int, int, int, bool> Shapes => new()
    {
        // inputs, outputs, size, kernel, pad, stride, input needs a gradient
        { 4, 5, 6, 3, 1, 1, true },     // output channels not a whole block
        { 1, 8, 8, 2, 0, 1, true },
        { 3, 10, 12, 3, 1, 1, true },
        { 17, 16, 6, 3, 1, 1, true },   // input channels past one block
        { 17, 17, 4, 2, 0, 1, true },
        { 33, 24, 6, 3, 1, 1, true },
        { 20, 6, 8, 3, 0, 1, false },   // a first layer: no input gradient
        { 16, 32, 8, 3, 1, 1, true },   // whole blocks: unchanged
        { 48, 16, 7, 3, 1, 2, true },   // stride 2: inputs padded to pairs of blocks
        { 33, 17, 7, 3, 1, 3, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Conv2d_output_and_gradients_match_a_float64_reference(int inputs, int outputs, int size, int kernel, int pad, int stride, bool inputGradient)
    {
        TorchRuntime.EnsureLoaded();
        for (int round = 0; round < 3; round++)
        {
            manual_seed(round);
            using var conv = new Conv2d(inputs, outputs, kernel, stride, pad, dilation: 1, bias: true);
            AssertMatchesReference(conv, randn(12, inputs, size, size), inputGradient,
                (x, w, b) => nn.functional.conv2d(x, w, b, strides: [stride, stride], padding: [pad, pad]));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Conv1d_output_and_gradients_match_a_float64_reference(int inputs, int outputs, int size, int kernel, int pad, int stride, bool inputGradient)
    {
        TorchRuntime.EnsureLoaded();
        for (int round = 0; round < 3; round++)
        {
            manual_seed(round);
            using var conv = new Conv1d(inputs, outputs, kernel, stride, pad, dilation: 1, bias: true);
            AssertMatchesReference(conv, randn(12, inputs, size), inputGradient,
                (x, w, b) => nn.functional.conv1d(x, w, b, stride: stride, padding: pad));
        }
    }

    // bf16 keeps 8 significant bits: rounding the inputs, weights and output moves a result by
    // up to ~1% of its largest value. A wrong kernel is off by 10–100%, or NaN.
    const double Bf16Tolerance = 0.03;

    /// <summary>Under `precision=bf16` (libtorch's autocast), in a child process
    /// (<see cref="ConvolutionScenarios"/>): output and gradients within bf16 rounding of float64
    /// for channel counts that are not whole blocks — and the same cases computed without the
    /// padding go wrong, which shows the poisoned memory reaches them.</summary>
    [Fact]
    public void Bf16_convolutions_of_any_channel_count_match_a_float64_reference_to_bf16_rounding()
    {
        var result = ChildProcess.Run("bf16-conv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var cases = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => (Ours: Value(parts[1], "netscript="), Raw: Value(parts[2], "raw=")));
        Assert.Equal(2 * ConvolutionScenarios.Checked.Length, cases.Count);
        Assert.All(cases, c => Assert.True(c.Value.Ours < Bf16Tolerance, $"{c.Key}: relative error {c.Value.Ours:G3}\n{result.Output}"));
        Assert.Contains(cases.Values, c => !(c.Raw < 0.1));
    }

    static double Value(string field, string prefix)
    {
        Assert.StartsWith(prefix, field, StringComparison.Ordinal);
        return double.Parse(field[prefix.Length..].Split('@')[0], CultureInfo.InvariantCulture);
    }

    static void AssertMatchesReference(nn.Module<Tensor, Tensor> conv, Tensor input, bool inputGradient, Func<Tensor, Tensor, Tensor, Tensor> reference)
    {
        using var scope = NewDisposeScope();
        Tensor weight = conv.get_parameter("weight")!, bias = conv.get_parameter("bias")!;
        Tensor x = inputGradient ? input.requires_grad_() : input;
        Tensor upstream = randn_like(conv.call(x));

        PoisonFreedMemory();
        Tensor y = conv.call(x);
        y.backward([upstream]);

        Tensor x64 = x.detach().to_type(ScalarType.Float64).requires_grad_(inputGradient);
        Tensor w64 = weight.detach().to_type(ScalarType.Float64).requires_grad_();
        Tensor b64 = bias.detach().to_type(ScalarType.Float64).requires_grad_();
        Tensor y64 = reference(x64, w64, b64);
        y64.backward([upstream.to_type(ScalarType.Float64)]);

        AssertClose(y64, y, "output");
        AssertClose(w64.grad!, weight.grad!, "weight gradient");
        AssertClose(b64.grad!, bias.grad!, "bias gradient");
        if (inputGradient) AssertClose(x64.grad!, x.grad!, "input gradient");
    }

    static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.isfinite().all().item<bool>(), $"{what}: not finite");
        double error = actual.to_type(ScalarType.Float64).sub(expected).abs().max().item<double>() / (1 + expected.abs().max().item<double>());
        Assert.True(error < 1e-5, $"{what}: relative error {error:G3}");
    }
}

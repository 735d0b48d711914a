using System.Globalization;
using NetScript.Language.Lowering;
using NetScript.Runtime.Models.Layers;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Models;

/// <summary>bfloat16 convolutions for <see cref="ConvolutionTests"/>, run in a child process
/// (<see cref="ChildProcess"/>; bf16 kernels leave process-wide state, see
/// <see cref="Training.PrecisionScenarios"/>). Each case runs a convolution under
/// <c>precision=bf16</c>'s autocast after filling freed memory with NaN, and measures its
/// output and gradients against float64 computed from the same bf16-rounded values.</summary>
public static class ConvolutionScenarios
{
    /// <summary>One case's worst relative error (max |error| over max |reference|, of the output
    /// and the weight, bias and input gradients; +∞ for NaN), and which of them it was.</summary>
    internal readonly record struct Error(double Value, string Where)
    {
        public override string ToString() => double.IsPositiveInfinity(Value) ? $"NaN@{Where}" : string.Create(CultureInfo.InvariantCulture, $"{Value:G2}@{Where}");
    }

    /// <summary>bf16-conv-sweep [dims=2,1] [in=…] [out=…] [k=1,3] [s=1,2] [grad=1,0] [fp32]: every
    /// combination of the listed dimensions, channel counts, kernels, strides and input gradient,
    /// each with the input and output channels padded or not, in bf16 (or, with `fp32`, without
    /// autocast), for deciding the padding rule; no test reads it.</summary>
    public static int Sweep(string[] arguments)
    {
        int[] List(string name, int[] otherwise) => arguments.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } given
            ? given[(name.Length + 1)..].Split(',').Select(int.Parse).ToArray()
            : otherwise;
        int[] dimensions = List("dims", [2, 1]), kernels = List("k", [1, 3]), strides = List("s", [1, 2]), gradients = List("grad", [1, 0]);
        int[] inputs = List("in", [1, 2, 3, 4, 5, 8, 10, 15, 16, 17, 20, 24, 31, 32, 33, 40, 48]);
        int[] outputs = List("out", [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 20, 24, 32, 33, 40]);
        var worst = new Dictionary<string, double>();
        var failing = new Dictionary<string, int>();
        int cases = 0;
        foreach (int dims in dimensions)
        foreach (int i in inputs)
        foreach (int o in outputs)
        foreach (int kernel in kernels)
        foreach (int stride in strides)
        foreach (bool inputGradient in gradients.Select(g => g != 0))
        {
            cases++;
            var line = new List<string>();
            foreach (var (name, inputBlock, padOut) in new[] { ("raw", 1L, false), ("in", 16L, false), ("out", 1L, true), ("both", 16L, true), ("both32", 32L, true) })
            {
                Error e = Measure(dims, i, o, kernel, stride, inputGradient, seed: cases,
                    (x, w, b, pad) => Convolution.Padded(x, w, b, stride, pad, 1, inputBlock, padOut), bf16: !arguments.Contains("fp32"));
                line.Add($"{name}={e}");
                worst[name] = Math.Max(worst.GetValueOrDefault(name), e.Value);
                if (e.Value > 0.03) failing[name] = failing.GetValueOrDefault(name) + 1;
            }
            Console.WriteLine($"conv{dims}d in={i} out={o} k={kernel} s={stride} grad={inputGradient} {string.Join(' ', line)}");
        }
        foreach (string name in worst.Keys)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary {name} worst={worst[name]:G3} failing={failing.GetValueOrDefault(name)}/{cases}"));
        return 0;
    }

    /// <summary>Shapes the test checks: inputs, outputs, kernel, stride, input needs a gradient.</summary>
    public static readonly (int Inputs, int Outputs, int Kernel, int Stride, bool InputGradient)[] Checked =
    [
        (3, 5, 3, 1, true),
        (4, 10, 3, 2, true),
        (1, 6, 3, 1, false),     // a first layer: no input gradient
        (1, 16, 1, 1, false),    // … with a 1×1 kernel, whose input channels need padding
        (5, 17, 1, 1, false),
        (17, 10, 3, 1, true),
        (20, 24, 3, 1, false),
        (33, 5, 1, 2, true),
        (33, 17, 3, 2, true),    // stride 2: inputs padded to pairs of blocks (64)
        (48, 16, 3, 2, true),    // … also whole but odd blocks
        (16, 32, 3, 1, true),    // whole blocks
    ];

    /// <summary>bf16-conv: each of <see cref="Checked"/> in 2-D and 1-D, as NetScript computes it
    /// (<see cref="Convolution.Apply"/>) and as libtorch does without the padding, printed as
    /// `conv2d_3_5_k3_s1_grad netscript=ERROR raw=ERROR` lines.</summary>
    public static int Check(string[] arguments)
    {
        int seed = 0;
        foreach (int dims in new[] { 2, 1 })
        foreach (var (i, o, kernel, stride, inputGradient) in Checked)
        {
            seed++;
            Error ours = Measure(dims, i, o, kernel, stride, inputGradient, seed, (x, w, b, pad) => Convolution.Apply(x, w, b, stride, pad, 1));
            Error raw = Measure(dims, i, o, kernel, stride, inputGradient, seed, (x, w, b, pad) => Convolution.Padded(x, w, b, stride, pad, 1, inputBlock: 1, padOutputs: false));
            Console.WriteLine($"conv{dims}d_{i}_{o}_k{kernel}_s{stride}_{(inputGradient ? "grad" : "nograd")} netscript={ours} raw={raw}");
        }
        return 0;
    }

    /// <summary>A (B, i, 7, 7) or (B, i, 9) input through a conv with <paramref name="o"/>
    /// outputs in bf16, against float64.</summary>
    internal static Error Measure(int dims, int i, int o, int kernel, int stride, bool inputGradient, int seed, Func<Tensor, Tensor, Tensor, long, Tensor> conv, bool bf16 = true)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        long[] size = dims == 2 ? [6, i, 7, 7] : [6, i, 9];
        long[] kernelShape = dims == 2 ? [o, i, kernel, kernel] : [o, i, kernel];
        Tensor x = randn(size).requires_grad_(inputGradient);
        Tensor w = (randn(kernelShape) / Math.Sqrt(i * Math.Pow(kernel, dims))).requires_grad_();
        Tensor b = randn(o).requires_grad_();
        long pad = kernel / 2;
        Tensor Reference(Tensor xx, Tensor ww, Tensor bb) => dims == 2
            ? nn.functional.conv2d(xx, ww, bb, [stride, stride], [pad, pad])
            : nn.functional.conv1d(xx, ww, bb, stride, pad);
        Tensor upstream = randn_like(Reference(x.detach(), w.detach(), b.detach()));

        ConvolutionTests.PoisonFreedMemory();
        Tensor y;
        using (Autocast.Enter(bf16 ? Precision.Bf16 : Precision.Fp32)) y = conv(x, w, b, pad);
        Autocast.Fp32(y).backward([upstream]);

        Tensor Rounded(Tensor t) => (bf16 ? t.detach().to_type(ScalarType.BFloat16) : t.detach()).to_type(ScalarType.Float64);
        Tensor x64 = Rounded(x).requires_grad_(inputGradient), w64 = Rounded(w).requires_grad_(), b64 = Rounded(b).requires_grad_();
        Tensor y64 = Reference(x64, w64, b64);
        y64.backward([Rounded(upstream)]);

        var errors = new List<Error> { Of(y64, y, "y"), Of(w64.grad!, w.grad!, "dw"), Of(b64.grad!, b.grad!, "db") };
        if (inputGradient) errors.Add(Of(x64.grad!, x.grad!, "dx"));
        return errors.MaxBy(e => e.Value);
    }

    static Error Of(Tensor expected, Tensor actual, string where)
    {
        Tensor a = actual.detach().to_type(ScalarType.Float64);
        if (!a.isfinite().all().item<bool>()) return new Error(double.PositiveInfinity, where);
        return new Error(a.sub(expected).abs().max().item<double>() / Math.Max(expected.abs().max().item<double>(), 1e-12), where);
    }
}

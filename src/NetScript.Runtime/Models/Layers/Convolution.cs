using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>The convolution every conv layer calls: nn.functional.conv1d/conv2d, with channel
/// counts that libtorch's oneDNN kernels handle correctly. Those kernels work on channels in
/// blocks of 16 and read the unused part of a partial block from memory that was never
/// written: with 17–31, 33–47, … input channels the forward pass, and with an output channel
/// count that is not a multiple of 16 the gradient of the input, then mix in whatever that
/// memory held — silently wrong gradients, or NaN (measured on this platform's libtorch 2.10:
/// over 3,132 small shapes with freed memory filled with NaN first, 1,040 gave NaN and 678
/// finite but wrong input gradients). So such a convolution runs on channels padded with zeros
/// to whole blocks, and its output is cut back: the extra input channels meet zero weights,
/// the extra output channels are never read, and their gradient is zero. Layers whose counts
/// are whole blocks (and a first layer, whose input needs no gradient, with ≤ 16 input
/// channels) run unchanged, so the usual 32/64-channel networks pay nothing.</summary>
internal static class Convolution
{
    const long Block = 16;

    /// <summary>(B, C, L) with a (O, C, k) weight, or (B, C, H, W) with (O, C, kh, kw).</summary>
    public static Tensor Apply(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation)
    {
        long outputs = weight.shape[0], inputs = weight.shape[1];
        bool padInputs = inputs > Block && inputs % Block != 0;
        bool padOutputs = outputs % Block != 0 && input.requires_grad;
        if (!padInputs && !padOutputs) return Call(input, weight, bias, stride, pad, dilation);

        using var scope = NewDisposeScope();
        if (padInputs)
        {
            input = WithZeros(input, Up(inputs) - inputs);
            weight = WithZeros(weight, Up(inputs) - inputs);
        }
        if (!padOutputs) return Call(input, weight, bias, stride, pad, dilation).MoveToOuterDisposeScope();
        long extra = Up(outputs) - outputs;
        weight = cat([weight, zeros([extra, .. weight.shape[1..]], weight.dtype, weight.device)], 0);
        bias = bias is null ? null : cat([bias, zeros([extra], bias.dtype, bias.device)], 0);
        return Call(input, weight, bias, stride, pad, dilation).narrow(1, 0, outputs).MoveToOuterDisposeScope();
    }

    static long Up(long channels) => (channels + Block - 1) / Block * Block;

    /// <summary><paramref name="t"/> with <paramref name="extra"/> zero channels appended (dim 1).</summary>
    static Tensor WithZeros(Tensor t, long extra)
    {
        long[] shape = t.shape;
        shape[1] = extra;
        return cat([t, zeros(shape, t.dtype, t.device)], 1);
    }

    static Tensor Call(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation) => weight.dim() == 3
        ? nn.functional.conv1d(input, weight, bias, stride, pad, dilation)
        : nn.functional.conv2d(input, weight, bias, [stride, stride], [pad, pad], [dilation, dilation]);
}

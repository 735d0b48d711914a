using NetScript.Runtime.Training;
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
/// channels) run unchanged, so the usual 32/64-channel networks pay nothing.
///
/// Under `precision=bf16` (<see cref="Autocast"/>) the bfloat16 kernels misread partial blocks
/// more often: the forward pass with any output count that is not a multiple of 16, and the
/// input gradient with any partial input count, also below 16 (measured over 1,453 conv2d
/// shapes with 1–48 channels on poisoned memory: 848 wrong or NaN, errors of 10–100%). There
/// both counts are padded, except the input channels of a first layer (no input gradient)
/// with fewer than 16 and a kernel larger than 1×1, which measured exact (1–4 inputs, kernels
/// 2–7, strides 1–2); padded, every shape measured was within bf16 rounding (≤ 0.4%).</summary>
internal static class Convolution
{
    const long Block = 16;

    /// <summary>(B, C, L) with a (O, C, k) weight, or (B, C, H, W) with (O, C, kh, kw).</summary>
    public static Tensor Apply(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation)
    {
        long outputs = weight.shape[0], inputs = weight.shape[1];
        bool partialInputs = inputs % Block != 0, partialOutputs = outputs % Block != 0;
        if (!partialInputs && !partialOutputs) return Call(input, weight, bias, stride, pad, dilation);
        bool inputGradient = input.requires_grad;
        return Autocast.Active
            ? Padded(input, weight, bias, stride, pad, dilation,
                padInputs: partialInputs && (inputs > Block || inputGradient || weight.shape[2..].All(size => size == 1)),
                padOutputs: partialOutputs)
            : Padded(input, weight, bias, stride, pad, dilation, padInputs: partialInputs && inputs > Block, padOutputs: partialOutputs && inputGradient);
    }

    /// <summary>The convolution with the input channels (<paramref name="padInputs"/>) and the
    /// output channels (<paramref name="padOutputs"/>) padded with zeros to whole blocks, the
    /// output cut back to the layer's own channels.</summary>
    internal static Tensor Padded(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation, bool padInputs, bool padOutputs)
    {
        long outputs = weight.shape[0], inputs = weight.shape[1];
        padInputs &= inputs % Block != 0;
        padOutputs &= outputs % Block != 0;
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

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
/// finite but wrong input gradients). With a stride above 1 the input gradient reads input
/// channels in pairs of blocks, so more than 16 input channels that are not a multiple of 32
/// give a wrong input gradient (20–60% off for 48 and 80, and for 33 padded to 48; conv2d and
/// conv1d, strides 2 and 3). So such a convolution runs on channels padded with
/// zeros to whole blocks (pairs of blocks for a strided input gradient), and its output is cut
/// back: the extra input channels meet zero weights, the extra output channels are never read,
/// and their gradient is zero. Layers whose counts are whole blocks (with a stride, whole pairs
/// of blocks or one block; and a first layer, whose input needs no gradient, with ≤ 16 input
/// channels) run unchanged, so the usual 32/64-channel networks pay nothing.
///
/// Under `precision=bf16` (<see cref="Autocast"/>) the bfloat16 kernels misread partial blocks
/// more often: the forward pass with any output count that is not a multiple of 16, and the
/// input gradient with any partial input count, also below 16. Measured over 1,453 conv2d
/// shapes with 1–20 input and 1–40 output channels, 588 conv1d shapes with 1–33 input
/// channels, and 72 with 33–80 and strides 1–3, on poisoned memory: unpadded, 1,288 wrong by
/// 10–100% or NaN. So there the output channels are always padded to whole blocks, and the
/// input channels too, except those of a first layer (no input gradient) with fewer than 16
/// and a kernel larger than 1×1, which measured exact (1–4 inputs, kernels 2–7, strides 1–2).
/// Padded so, every shape measured was within bf16 rounding (≤ 0.4% of the largest value).</summary>
internal static class Convolution
{
    const long Block = 16;

    /// <summary>(B, C, L) with a (O, C, k) weight, or (B, C, H, W) with (O, C, kh, kw).</summary>
    public static Tensor Apply(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation)
    {
        long outputs = weight.shape[0], inputs = weight.shape[1];
        bool partialInputs = inputs % Block != 0, partialOutputs = outputs % Block != 0;
        // With stride > 1 the input gradient also goes wrong on an odd number of blocks (48, 80, …).
        bool oddBlocks = stride > 1 && inputs > Block && inputs % (2 * Block) != 0;
        if (!partialInputs && !partialOutputs && !oddBlocks) return Call(input, weight, bias, stride, pad, dilation);
        bool inputGradient = input.requires_grad;
        if (oddBlocks && inputGradient)
            return Padded(input, weight, bias, stride, pad, dilation, inputBlock: 2 * Block, padOutputs: partialOutputs);
        if (!Autocast.Active)
            return Padded(input, weight, bias, stride, pad, dilation, inputBlock: partialInputs && inputs > Block ? Block : 1, padOutputs: partialOutputs && inputGradient);
        long inputBlock = partialInputs && (inputs > Block || inputGradient || weight.shape[2..].All(size => size == 1)) ? Block : 1;
        return Padded(input, weight, bias, stride, pad, dilation, inputBlock, padOutputs: partialOutputs);
    }

    /// <summary>The convolution with the input channels padded with zeros to a multiple of
    /// <paramref name="inputBlock"/> (1: unpadded) and, with <paramref name="padOutputs"/>, the
    /// output channels to whole blocks, the output cut back to the layer's own channels.</summary>
    internal static Tensor Padded(Tensor input, Tensor weight, Tensor? bias, long stride, long pad, long dilation, long inputBlock, bool padOutputs)
    {
        long outputs = weight.shape[0], inputs = weight.shape[1];
        long extraInputs = Up(inputs, inputBlock) - inputs, extraOutputs = padOutputs ? Up(outputs, Block) - outputs : 0;
        if (extraInputs == 0 && extraOutputs == 0) return Call(input, weight, bias, stride, pad, dilation);

        using var scope = NewDisposeScope();
        if (extraInputs > 0)
        {
            input = WithZeros(input, extraInputs);
            weight = WithZeros(weight, extraInputs);
        }
        if (extraOutputs == 0) return Call(input, weight, bias, stride, pad, dilation).MoveToOuterDisposeScope();
        weight = cat([weight, zeros([extraOutputs, .. weight.shape[1..]], weight.dtype, weight.device)], 0);
        bias = bias is null ? null : cat([bias, zeros([extraOutputs], bias.dtype, bias.device)], 0);
        return Call(input, weight, bias, stride, pad, dilation).narrow(1, 0, outputs).MoveToOuterDisposeScope();
    }

    static long Up(long channels, long block) => (channels + block - 1) / block * block;

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

using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetScript.Data;

/// <summary>What <see cref="RandomCrop"/> pads with (torchvision's padding_mode constant 0, edge,
/// reflect); the names are the schema's `mode` choices.</summary>
public enum CropPadding { Zeros, Edge, Reflect }

/// <summary>Pads each image with <c>pad</c> pixels per side (zeros, copies of the border pixel,
/// or the image mirrored at its border) and cuts a random size×size window: with the image's
/// own size, a random shift of up to <c>pad</c> pixels. Exact (gathers pixels; no interpolation).</summary>
public sealed class RandomCrop(int? size, int pad, CropPadding padding = CropPadding.Zeros) : IAugmentation
{
    public string Kind => "crop";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        long outH = size ?? h, outW = size ?? w;
        long paddedH = h + 2 * pad, paddedW = w + 2 * pad;
        if (outH > paddedH || outW > paddedW)
            throw new DataException($"`crop {outH}` does not fit images of {h}×{w} padded by {pad}");
        if (padding == CropPadding.Reflect && (pad >= h || pad >= w))
            throw new DataException($"`crop pad={pad} mode=reflect` needs pad smaller than the images' {h}×{w} sides");
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        var mode = padding switch { CropPadding.Edge => PaddingModes.Replicate, CropPadding.Reflect => PaddingModes.Reflect, _ => PaddingModes.Constant };
        Tensor padded = F.pad(batch, [pad, pad, pad, pad], mode);                           // (B, C, H+2p, W+2p)
        Tensor top = randint(0, paddedH - outH + 1, [b], generator: generator);            // (B)
        Tensor left = randint(0, paddedW - outW + 1, [b], generator: generator);
        Tensor rows = top.view(b, 1).Plus(AugmentationMath.Arange(outH, s).view(1, outH), s).view(b, 1, outH, 1).expand(b, c, outH, paddedW);
        Tensor cols = left.view(b, 1).Plus(AugmentationMath.Arange(outW, s).view(1, outW), s).view(b, 1, 1, outW).expand(b, c, outH, outW);
        return padded.gather(2, rows).gather(3, cols).MoveToOuterDisposeScope();              // (B, C, size, size)
    }
}

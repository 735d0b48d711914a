namespace NetScript.Language.Semantics;

/// <summary>Output sizes of convolution and pooling over (C, H, W) inputs, with PyTorch's
/// arithmetic (floor division, no ceil mode).</summary>
internal static class SpatialShapes
{
    public static Shape? Conv(BoundArguments a, Shape input, out string? error)
    {
        if (!IsImage("conv", input, out error)) return null;
        int kernel = (int)a.Int("kernel"), stride = (int)a.Int("stride"), pad = (int)a.Int("pad"), dilation = (int)a.Int("dilation");
        int span = dilation * (kernel - 1) + 1;
        if (!Fits(input, span, pad, out error, span == kernel ? $"kernel {kernel}" : $"kernel {kernel} (spanning {span} with dilation {dilation})"))
            return null;
        return Sized((int)a.Int("channels"), Out(input.Dims[1], span, stride, pad), Out(input.Dims[2], span, stride, pad), out error);
    }

    /// <summary>(C, L) → (channels, L′); a flat input [F] is one channel of length F.</summary>
    public static Shape? Conv1d(BoundArguments a, Shape input, out string? error)
    {
        error = null;
        if (input.Rank is not (1 or 2))
        {
            error = "`conv1d` needs sequences (channels, length) or a flat input (one channel)";
            return null;
        }
        int kernel = (int)a.Int("kernel"), stride = (int)a.Int("stride"), pad = (int)a.Int("pad"), dilation = (int)a.Int("dilation");
        int span = dilation * (kernel - 1) + 1;
        long length = input.Dims[^1] + 2L * pad;
        if (span > length)
        {
            string what = span == kernel ? $"kernel {kernel}" : $"kernel {kernel} (spanning {span} with dilation {dilation})";
            error = $"the {what} is longer than the {(pad > 0 ? "padded " : "")}input length {length}";
            return null;
        }
        long channels = a.Int("channels"), outLength = Out(input.Dims[^1], span, stride, pad);
        if ((double)channels * outLength <= LayerShapes.MaxValues) return Shape.Of((int)channels, (int)outLength);
        error = LayerShapes.TooManyValues(channels * (double)outLength);
        return null;
    }

    public static Shape? Pool(string kind, BoundArguments a, Shape input, out string? error)
    {
        if (!IsImage(kind, input, out error)) return null;
        int kernel = (int)a.Int("kernel"), pad = (int)a.Int("pad");
        int stride = (int)(a.OptionalInt("stride") ?? kernel);
        if (2 * pad > kernel)
        {
            // libtorch rejects it: a window could then lie entirely in the padding.
            error = $"`pad`={pad} is more than half the window {kernel}";
            return null;
        }
        if (!Fits(input, kernel, pad, out error, $"window {kernel}")) return null;
        return Sized(input.Dims[0], Out(input.Dims[1], kernel, stride, pad), Out(input.Dims[2], kernel, stride, pad), out error);
    }

    static bool IsImage(string kind, Shape input, out string? error)
    {
        error = input.Rank == 3 ? null : $"`{kind}` needs images (channels, height, width)";
        return error is null;
    }

    static bool Fits(Shape input, int span, int pad, out string? error, string what)
    {
        long h = input.Dims[1] + 2L * pad, w = input.Dims[2] + 2L * pad;
        error = span <= h && span <= w ? null : $"the {what} is larger than the {(pad > 0 ? "padded " : "")}input {h}×{w}";
        return error is null;
    }

    static long Out(int size, int span, int stride, int pad) => (size + 2L * pad - span) / stride + 1;

    /// <summary>The output shape, or null when it holds more values per sample than a tensor
    /// dimension can index (<see cref="LayerShapes.MaxValues"/>).</summary>
    static Shape? Sized(int channels, long height, long width, out string? error)
    {
        error = null;
        if ((double)channels * height * width <= LayerShapes.MaxValues) return Shape.Of(channels, (int)height, (int)width);
        error = LayerShapes.TooManyValues(channels * (double)height * width);
        return null;
    }
}

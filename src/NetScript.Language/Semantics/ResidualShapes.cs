using System.Collections.Immutable;
using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>The shortcut of a residual block whose branch changes the shape: a learned
/// projection without bias (He et al. 2016, eq. 2: y = F(x) + W_s·x). On images a 1×1
/// convolution to the branch's channels, strided to its height and width (ResNet's
/// downsampling shortcut); on flat inputs a dense map to the branch's width.</summary>
internal static class ResidualShapes
{
    /// <summary>The block's output shape and parameters (branch and shortcut), or null with a
    /// reason. The checker plans the branch layer by layer instead, to report at the layer.</summary>
    public static (Shape Output, long Parameters)? Walk(LayerDefinition residual, Shape input, out string? error)
    {
        Shape current = input;
        long parameters = 0;
        foreach (LayerDefinition layer in residual.Body)
        {
            if (LayerShapes.Output(layer, current, out string? inner) is not { } output)
            {
                error = $"`{layer.Kind}` in its branch cannot take input of shape {current}: {inner}";
                return null;
            }
            parameters += LayerShapes.Parameters(layer, current);
            current = output;
        }
        error = null;
        if (current.Equals(input)) return (current, parameters);
        if (Projection(residual, input, current, out error) is not { } projection) return null;
        return (current, parameters + LayerShapes.Parameters(projection, input));
    }

    /// <summary>The projection layer taking <paramref name="input"/> to <paramref name="output"/>,
    /// or null with a reason. It is a checked layer like any other (shapes, counts, init).</summary>
    public static LayerDefinition? Projection(LayerDefinition residual, Shape input, Shape output, out string? error)
    {
        error = null;
        if (input.Rank == 1 && output.Rank == 1)
            return Layer(residual, LayerSchema.Dense, ("units", (long)output.Dims[0]), ("bias", false));
        if (input.Rank == 3 && output.Rank == 3)
        {
            if (Stride(input.Dims[1], output.Dims[1], input.Dims[2], output.Dims[2]) is { } stride)
                return Layer(residual, LayerSchema.Conv, ("channels", (long)output.Dims[0]), ("kernel", 1L), ("stride", stride), ("bias", false));
            error = $"its branch ends in shape {output}, and no stride of a 1×1 convolution on the shortcut takes "
                + $"{input.Dims[1]}×{input.Dims[2]} to {output.Dims[1]}×{output.Dims[2]}";
            return null;
        }
        error = $"its branch ends in shape {output}; a branch must keep the input's rank (images stay images) so that the shortcut can be added";
        return null;
    }

    /// <summary>The smallest s with ⌊(size − 1)/s⌋ + 1 = out for both sides, if any.</summary>
    static long? Stride(int height, int outHeight, int width, int outWidth)
    {
        for (int s = 1; s <= Math.Max(height, width); s++)
            if ((height - 1) / s + 1 == outHeight && (width - 1) / s + 1 == outWidth) return s;
        return null;
    }

    static LayerDefinition Layer(LayerDefinition residual, OperationSpec spec, params (string Name, object Value)[] arguments)
    {
        var given = arguments.ToImmutableDictionary(a => a.Name, a => new BoundArgument(a.Name, a.Value, residual.Span));
        return new LayerDefinition(new BoundArguments(spec, given, []), residual.Span);
    }
}

using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>2-D max or average pooling; the stride defaults to the window size.</summary>
public sealed record PoolLayer(bool Average, long Kernel, long? Stride, long Pad)
    : LayerOperation(Average ? LayerSchema.AvgPool.Name : LayerSchema.MaxPool.Name)
{
    /// <summary>The step between windows: the given stride, else the window size.</summary>
    public long EffectiveStride => Stride ?? Kernel;

    private protected override IEnumerable<(string Name, object? Value)> Values() => [("kernel", Kernel), ("stride", Stride), ("pad", Pad)];
}

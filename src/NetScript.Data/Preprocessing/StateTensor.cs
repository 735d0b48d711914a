using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A float32 tensor as plain data.</summary>
public sealed record StateTensor(long[] Shape, float[] Values)
{
    public static StateTensor From(Tensor tensor)
    {
        using Tensor values = tensor.detach().to_type(ScalarType.Float32).cpu().contiguous();
        return new StateTensor(tensor.shape, values.data<float>().ToArray());
    }

    public Tensor ToTensor()
    {
        if (Values.LongLength != Shape.Aggregate(1L, (a, d) => a * d))
            throw new DataException($"a saved statistic of shape [{string.Join(", ", Shape)}] holds {Values.Length} values; the state is corrupt");
        return tensor(Values).reshape(Shape);
    }
}

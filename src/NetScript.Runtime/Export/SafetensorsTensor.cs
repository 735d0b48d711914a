using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>One tensor of a safetensors file: its dtype name as the format spells it
/// (<c>F32</c>, <c>I64</c>), its shape, and its little-endian bytes.</summary>
public sealed record SafetensorsTensor(string DType, long[] Shape, byte[] Data)
{
    public long Count => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>The values as float32 (F32 only).</summary>
    public float[] Floats()
    {
        Require("F32");
        return MemoryMarshal.Cast<byte, float>(Data).ToArray();
    }

    /// <summary>A new CPU tensor holding a copy of the values.</summary>
    public Tensor ToTensor() => DType switch
    {
        "F32" => tensor(MemoryMarshal.Cast<byte, float>(Data).ToArray()).reshape(Shape),
        "I64" => tensor(MemoryMarshal.Cast<byte, long>(Data).ToArray()).reshape(Shape),
        _ => throw new ExportException($"tensors of dtype {DType} are not supported"),
    };

    public static SafetensorsTensor From(Tensor value)
    {
        using Tensor cpu = value.detach().cpu().contiguous();
        return cpu.dtype switch
        {
            ScalarType.Float32 => new("F32", cpu.shape, MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()).ToArray()),
            ScalarType.Int64 => new("I64", cpu.shape, MemoryMarshal.AsBytes(cpu.data<long>().ToArray().AsSpan()).ToArray()),
            _ => throw new ExportException($"cannot export a tensor of dtype {cpu.dtype}"),
        };
    }

    public static SafetensorsTensor FromFloats(long[] shape, float[] values) =>
        new("F32", shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    void Require(string dtype)
    {
        if (DType != dtype) throw new ExportException($"expected a {dtype} tensor, found {DType}");
    }
}

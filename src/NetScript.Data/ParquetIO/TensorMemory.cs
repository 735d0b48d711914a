using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A <see cref="Memory{T}"/> over the storage of a contiguous float32 CPU tensor, so
/// Parquet decodes pages straight into the tensor (no managed copy, no per-row objects). The
/// tensor must outlive every use of this memory; libtorch storage never moves.</summary>
internal sealed unsafe class TensorMemory : MemoryManager<float>
{
    readonly float* _pointer;
    readonly int _length;

    public TensorMemory(Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Float32 || tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
            throw new ArgumentException("expected a contiguous float32 CPU tensor", nameof(tensor));
        if (tensor.numel() * sizeof(float) > int.MaxValue)
            throw new DataException($"a block of {tensor.numel():N0} values is over 2 GB; use smaller Parquet row groups");
        Span<byte> bytes = tensor.bytes; // a view of the storage, not a copy
        _pointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(bytes));
        _length = bytes.Length / sizeof(float);
    }

    public override Span<float> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Scripting.Guards;

/// <summary>torch.matmul's preconditions, checked in managed code: in TorchSharp 0.107 a failing
/// <c>matmul</c> aborts the process (its native wrapper lets the C++ exception escape), while the
/// other products (mm, bmm, einsum…) raise a catchable exception. Every failure mode measured —
/// shape, rank 0, dtype mismatch, bool — is refused here before the native call.</summary>
internal static class MatmulRule
{
    // The dtypes libtorch's CPU matmul implements (measured); anything else is refused, which at
    // worst turns an exotic call that would have worked into a clear error.
    static readonly HashSet<ScalarType> s_supported =
    [
        ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
        ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float32, ScalarType.Float64,
        ScalarType.ComplexFloat32, ScalarType.ComplexFloat64,
    ];

    /// <summary>Null when <c>a.matmul(b)</c> is valid, otherwise the reason, in PyTorch's terms.</summary>
    public static string? Check(long[] a, long[] b, ScalarType aType, ScalarType bType, DeviceType aDevice, DeviceType bDevice)
    {
        string shapes = $"{Shapes.Format(a)} and {Shapes.Format(b)}";
        if (a.Length == 0 || b.Length == 0)
            return $"matmul needs tensors with at least one dimension, but got shapes {shapes}";
        if (aType != bType)
            return $"matmul needs both tensors to have the same dtype, but got {DTypes.Name(aType)} and {DTypes.Name(bType)}";
        if (!s_supported.Contains(aType))
            return $"matmul is not implemented for {DTypes.Name(aType)} tensors";
        if (aDevice != bDevice)
            return $"matmul needs both tensors on the same device, but got {aDevice} and {bDevice}";

        // A 1-D left operand is a row (1, n), a 1-D right operand a column (n, 1); the
        // contracted sizes are a's last and b's second-to-last (or only) dimension.
        long inner = a[^1];
        long other = b.Length == 1 ? b[0] : b[^2];
        if (inner != other)
            return $"matmul: shapes {shapes} cannot be multiplied ({inner} != {other})";

        // Dimensions before the last two are batch dimensions and must broadcast.
        long[] aBatch = a.Length > 2 ? a[..^2] : [];
        long[] bBatch = b.Length > 2 ? b[..^2] : [];
        for (int i = 1; i <= Math.Min(aBatch.Length, bBatch.Length); i++)
        {
            long x = aBatch[^i], y = bBatch[^i];
            if (x != y && x != 1 && y != 1)
                return $"matmul: the batch dimensions of shapes {shapes} do not broadcast ({x} != {y})";
        }
        return null;
    }
}

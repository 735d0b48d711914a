using static TorchSharp.torch;

namespace NetScript.Scripting;

/// <summary>PyTorch's dtype names, for messages (float32, int64, bool…).</summary>
internal static class DTypes
{
    public static string Name(ScalarType type) => type switch
    {
        ScalarType.Byte => "uint8",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        ScalarType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>"a float32 tensor", "an int64 tensor".</summary>
    public static string Tensor(ScalarType type)
    {
        string name = Name(type);
        return (name.StartsWith("int", StringComparison.Ordinal) ? "an " : "a ") + name + " tensor";
    }
}

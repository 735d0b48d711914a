namespace NetScript.Runtime;

/// <summary>What the CPU offers beyond the x86-64 baseline, for the checker's hardware
/// questions (<c>CompilationOptions.BFloat16</c>). Read from the kernel's flags in
/// /proc/cpuinfo, which name what the CPU and the kernel both support.</summary>
public static class CpuFeatures
{
    static readonly Lazy<bool?> s_bfloat16 = new(() => HasFlag(ReadFlags(), "avx512_bf16", "amx_bf16"));

    /// <summary>Whether the CPU computes in bfloat16 natively (AVX-512 BF16 or AMX); null where
    /// the flags cannot be read (not Linux).</summary>
    public static bool? BFloat16 => s_bfloat16.Value;

    /// <summary>Whether <paramref name="flags"/> (a cpuinfo `flags` line's words) hold any of <paramref name="wanted"/>; null for no flags.</summary>
    internal static bool? HasFlag(IReadOnlySet<string>? flags, params string[] wanted) =>
        flags is null ? null : wanted.Any(flags.Contains);

    /// <summary>The first processor's flags, or null when /proc/cpuinfo is missing or has none.</summary>
    internal static IReadOnlySet<string>? ReadFlags(string path = "/proc/cpuinfo")
    {
        if (!File.Exists(path)) return null;
        foreach (string line in File.ReadLines(path))
        {
            int colon = line.IndexOf(':');
            if (colon < 0 || line[..colon].Trim() != "flags") continue;
            return line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        return null;
    }
}

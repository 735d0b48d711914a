using System.Runtime.InteropServices;
using TorchSharp;

namespace NetScript.Runtime;

/// <summary>Loads libtorch once, on first use (so the REPL starts without paying for it), and
/// turns a load failure into an actionable message instead of TorchSharp's misleading one.</summary>
public static class TorchRuntime
{
    static readonly Lazy<string?> s_loadError = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws <see cref="RuntimeFailure"/> when libtorch cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (s_loadError.Value is { } error) throw new RuntimeFailure(error);
    }

    /// <summary>Why libtorch cannot be loaded, or null once it is (loads it on first use).</summary>
    public static string? LoadError => s_loadError.Value;

    static string? Load()
    {
        KeepFreedMemory();
        UseHugePages();
        try
        {
            using var probe = torch.zeros(1);
            NnpackSwitch.DisableWhereUnsupported();
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            return "libtorch could not be loaded. On Debian 12 the build must patch libLibTorchSharp.so "
                + "(GLIBCXX_3.4.32); rebuild with `dotnet build` (tools/netscript does this) and check that "
                + "Directory.Build.targets ran. `ldd` on libLibTorchSharp.so in the output folder shows the cause.";
        }
    }

    const int M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3;

    /// <summary>glibc's malloc hands large freed blocks back to the kernel (mmap/munmap above a
    /// threshold it keeps adjusting, heap trimming), so every training step page-faults its
    /// activation and gradient buffers in again, zeroed by the kernel. Measured on the
    /// Fashion-MNIST CNN (batch 128, 2 threads): 13.5 M minor faults, 101 of 317 CPU seconds in
    /// the kernel, 839–1,115 samples/s; with blocks up to 32 MB served from the heap and freed
    /// memory kept (up to 1 GB of free top), 0.8 M faults, 7 s in the kernel, 2,615–2,820
    /// samples/s, identical results. The same fix as LD_PRELOAD=jemalloc for PyTorch. A user's
    /// own MALLOC_* or GLIBC_TUNABLES settings win; on a libc without mallopt nothing changes.</summary>
    static void KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        if (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null
            || Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(k => k.StartsWith("MALLOC_", StringComparison.Ordinal)))
            return;
        try
        {
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
            mallopt(M_TRIM_THRESHOLD, 1 << 30);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    /// <summary>libtorch's own option to allocate blocks of 2 MB and more (datasets, batches of
    /// activations) with madvise(MADV_HUGEPAGE): where transparent huge pages are "madvise"
    /// only, a fresh dataset-sized tensor otherwise takes one page fault per 4 KB, and on a
    /// virtual machine each of those is expensive. Set in the native environment before
    /// libtorch reads it; a THP_MEM_ALLOC_ENABLE the user set wins (0 turns it off).</summary>
    static void UseHugePages()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(HugePagesVariable) is not null) return;
        try
        {
            // Environment.SetEnvironmentVariable changes only .NET's copy, not what getenv sees.
            setenv(HugePagesVariable, "1", 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    const string HugePagesVariable = "THP_MEM_ALLOC_ENABLE";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int param, int value);
}

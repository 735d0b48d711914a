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
        try
        {
            using var probe = torch.zeros(1);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            return "libtorch could not be loaded. On Debian 12 the build must patch libLibTorchSharp.so "
                + "(GLIBCXX_3.4.32); rebuild with `dotnet build` (tools/netscript does this) and check that "
                + "Directory.Build.targets ran. `ldd` on libLibTorchSharp.so in the output folder shows the cause.";
        }
    }
}

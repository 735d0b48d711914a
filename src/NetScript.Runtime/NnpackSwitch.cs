using System.Runtime.InteropServices;

namespace NetScript.Runtime;

/// <summary>On CPUs NNPACK does not support, libtorch prints "Could not initialize NNPACK!
/// Reason: Unsupported hardware." when convolutions look for a backend, then uses its other
/// backends anyway. This asks libtorch once, with its stderr silenced, whether NNPACK is
/// available, and where it is not turns the backend off — what PyTorch's
/// `torch.backends.nnpack.set_flags(False)` does — so it is never tried again. Where NNPACK
/// works nothing changes, so results stay the same. TorchSharp has no binding for either
/// call; they are libtorch's exported `at::native::_nnpack_available()` and
/// `at::globalContext().setUserEnabledNNPACK(bool)`. Where the library or a name is missing
/// nothing changes.</summary>
internal static class NnpackSwitch
{
    const string Library = "libtorch_cpu.so";
    const string Available = "_ZN2at6native17_nnpack_availableEv";       // at::native::_nnpack_available()
    const string GlobalContext = "_ZN2at13globalContextEv";              // at::globalContext()
    const string SetEnabled = "_ZN2at7Context20setUserEnabledNNPACKEb";  // at::Context::setUserEnabledNNPACK(bool)
    const string Enabled = "_ZNK2at7Context17userEnabledNNPACKEv";      // at::Context::userEnabledNNPACK() const

    [return: MarshalAs(UnmanagedType.U1)]
    delegate bool Query();

    delegate IntPtr ContextGetter();

    delegate void FlagSetter(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [return: MarshalAs(UnmanagedType.U1)]
    delegate bool FlagGetter(IntPtr context);

    /// <summary>Whether libtorch uses NNPACK after the check; null when the calls are not
    /// reachable. Call after libtorch is loaded.</summary>
    public static bool? DisableWhereUnsupported()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Library, out IntPtr library)) return null;
        if (!NativeLibrary.TryGetExport(library, Available, out IntPtr available)
            || !NativeLibrary.TryGetExport(library, GlobalContext, out IntPtr getContext)
            || !NativeLibrary.TryGetExport(library, SetEnabled, out IntPtr set)
            || !NativeLibrary.TryGetExport(library, Enabled, out IntPtr get))
            return null;
        bool supported = Silenced(Marshal.GetDelegateForFunctionPointer<Query>(available));
        IntPtr context = Marshal.GetDelegateForFunctionPointer<ContextGetter>(getContext)();
        if (!supported) Marshal.GetDelegateForFunctionPointer<FlagSetter>(set)(context, false);
        return Marshal.GetDelegateForFunctionPointer<FlagGetter>(get)(context) && supported;
    }

    /// <summary>Runs <paramref name="query"/> with file descriptor 2 pointed at /dev/null: its
    /// one-time warning is the message this class exists to avoid.</summary>
    static bool Silenced(Query query)
    {
        const int StandardError = 2, WriteOnly = 1;
        int saved = dup(StandardError);
        int devNull = saved < 0 ? -1 : open("/dev/null", WriteOnly);
        if (devNull < 0 || dup2(devNull, StandardError) < 0)
        {
            if (devNull >= 0) close(devNull);
            if (saved >= 0) close(saved);
            return query();
        }
        try
        {
            return query();
        }
        finally
        {
            dup2(saved, StandardError);
            close(saved);
            close(devNull);
        }
    }

    [DllImport("libc")]
    static extern int dup(int fd);

    [DllImport("libc")]
    static extern int dup2(int oldFd, int newFd);

    [DllImport("libc")]
    static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc")]
    static extern int close(int fd);
}

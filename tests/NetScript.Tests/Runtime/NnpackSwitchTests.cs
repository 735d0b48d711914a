using NetScript.Runtime;

namespace NetScript.Tests.Runtime;

/// <summary>NNPACK is turned off exactly where libtorch cannot use it, so its "Could not
/// initialize NNPACK!" warning never reaches the CLI and results elsewhere do not change.</summary>
[Collection(TorchCollection.Name)]
public sealed class NnpackSwitchTests
{
    [Fact]
    public void The_switch_reaches_libtorch_and_leaves_NNPACK_on_only_where_it_works()
    {
        TorchRuntime.EnsureLoaded();
        bool? inUse = NnpackSwitch.DisableWhereUnsupported();
        Assert.NotNull(inUse); // the exported names exist in the libtorch NetScript ships with
        Assert.Equal(Available(), inUse);
    }

    [return: System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.U1)]
    delegate bool Query();

    /// <summary>libtorch's own answer, asked through the same export.</summary>
    static bool Available()
    {
        var library = System.Runtime.InteropServices.NativeLibrary.Load("libtorch_cpu.so");
        var available = System.Runtime.InteropServices.NativeLibrary.GetExport(library, "_ZN2at6native17_nnpack_availableEv");
        return System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<Query>(available)();
    }
}

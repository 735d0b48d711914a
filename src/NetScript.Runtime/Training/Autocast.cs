using System.Runtime.InteropServices;
using NetScript.Language.Lowering;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>`precision=bf16`: libtorch's CPU autocast, as PyTorch's
/// <c>torch.autocast("cpu", dtype=torch.bfloat16)</c> turns it on. Inside the region libtorch
/// runs convolutions, linear layers and matrix products in bfloat16, casting fp32 weights on
/// the way in (the casts are in the autograd graph, so gradients reach the fp32 weights), and
/// keeps precision-sensitive operations in fp32; batchnorm takes bfloat16 input with its fp32
/// statistics. TorchSharp 0.107 has no binding for it; these are libtorch's exported
/// <c>at::autocast</c> functions. Autocast state is per thread: enter and leave on the thread
/// that runs the forward pass.</summary>
internal sealed class Autocast : IDisposable
{
    const string Library = "libtorch_cpu.so";
    const sbyte Cpu = 0;        // c10::DeviceType::CPU
    const sbyte BFloat16 = 15;  // c10::ScalarType::BFloat16

    [return: MarshalAs(UnmanagedType.U1)]
    delegate bool EnabledGetter(sbyte device);

    delegate void EnabledSetter(sbyte device, [MarshalAs(UnmanagedType.U1)] bool enabled);

    delegate sbyte DtypeGetter(sbyte device);

    delegate void DtypeSetter(sbyte device, sbyte dtype);

    delegate int Nesting(); // libtorch: int increment_nesting() / int decrement_nesting()

    delegate void Clear();

    sealed record Exports(EnabledGetter IsEnabled, EnabledSetter SetEnabled, DtypeGetter GetDtype, DtypeSetter SetDtype,
        Nesting Increment, Nesting Decrement, Clear ClearCache);

    static readonly Lazy<Exports?> s_exports = new(Find);

    readonly bool _wasEnabled;
    readonly sbyte _previousDtype;

    Autocast(Exports exports)
    {
        _wasEnabled = exports.IsEnabled(Cpu);
        _previousDtype = exports.GetDtype(Cpu);
        exports.SetDtype(Cpu, BFloat16);
        exports.SetEnabled(Cpu, true);
        exports.Increment();
    }

    /// <summary>The module's output for <paramref name="input"/> computed in
    /// <paramref name="precision"/>, as fp32 for the loss whatever the layers computed in.</summary>
    public static Tensor Call(nn.Module<Tensor, Tensor> module, Tensor input, Precision precision)
    {
        if (precision == Precision.Fp32) return module.call(input);
        Tensor output;
        using (Enter(precision)) output = module.call(input);
        return Fp32(output);
    }

    /// <summary>An autocast region for <paramref name="precision"/>, or null for fp32.</summary>
    public static Autocast? Enter(Precision precision) => precision switch
    {
        Precision.Fp32 => null,
        _ => new Autocast(s_exports.Value ?? throw new RuntimeFailure(
            "precision=bf16 needs libtorch's CPU autocast (at::autocast in libtorch_cpu.so), which this libtorch does not export")),
    };

    /// <summary>Whether the calling thread is inside a bf16 region. Asks libtorch only once a
    /// region has been entered in this process; before that, false without a native call.</summary>
    public static bool Active => s_exports.IsValueCreated && s_exports.Value is { } exports && exports.IsEnabled(Cpu);

    /// <summary>The model's output for the loss: fp32 whatever precision the layers computed in.</summary>
    public static Tensor Fp32(Tensor output) => output.dtype == ScalarType.BFloat16 ? output.to_type(ScalarType.Float32) : output;

    public void Dispose()
    {
        Exports exports = s_exports.Value!;
        int depth = exports.Decrement();
        exports.SetEnabled(Cpu, _wasEnabled);
        exports.SetDtype(Cpu, _previousDtype);
        // The cache holds bfloat16 copies of the weights, valid until the optimizer changes them:
        // leaving the outermost region empties it (PyTorch's autocast.__exit__ does the same).
        if (depth <= 0 || !_wasEnabled) exports.ClearCache();
    }

    static Exports? Find()
    {
        TorchRuntime.EnsureLoaded();
        if (!NativeLibrary.TryLoad(Library, out IntPtr library)) return null;
        T? Get<T>(string name) where T : Delegate =>
            NativeLibrary.TryGetExport(library, name, out IntPtr address) ? Marshal.GetDelegateForFunctionPointer<T>(address) : null;
        var isEnabled = Get<EnabledGetter>("_ZN2at8autocast19is_autocast_enabledEN3c1010DeviceTypeE");
        var setEnabled = Get<EnabledSetter>("_ZN2at8autocast20set_autocast_enabledEN3c1010DeviceTypeEb");
        var getDtype = Get<DtypeGetter>("_ZN2at8autocast18get_autocast_dtypeEN3c1010DeviceTypeE");
        var setDtype = Get<DtypeSetter>("_ZN2at8autocast18set_autocast_dtypeEN3c1010DeviceTypeENS1_10ScalarTypeE");
        var increment = Get<Nesting>("_ZN2at8autocast17increment_nestingEv");
        var decrement = Get<Nesting>("_ZN2at8autocast17decrement_nestingEv");
        var clear = Get<Clear>("_ZN2at8autocast11clear_cacheEv");
        return isEnabled is null || setEnabled is null || getDtype is null || setDtype is null || increment is null || decrement is null || clear is null
            ? null
            : new Exports(isEnabled, setEnabled, getDtype, setDtype, increment, decrement, clear);
    }
}

namespace NetScript.Language.Diagnostics;

/// <summary>NS07xx found by the checker: models, losses and training options that cannot
/// work together (the training engine's rules, checked before any compute).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor LossTargets =
        Error("NS0704", "Loss does not fit the targets", "loss `{0}` needs {1}, but `{2}` has {3}");

    public static readonly DiagnosticDescriptor DuplicateInit =
        Error("NS0705", "Init given twice", "model `{0}` has a second `init` line; the first is on line {1}");

    public static readonly DiagnosticDescriptor InitInChain =
        Error("NS0706", "Init in a chain", "`init` sets how weights start and is not a layer; write it on its own line in the model block");

    public static readonly DiagnosticDescriptor MetricNotMeasured =
        Error("NS0707", "Metric not measured", "`{0}` is not measured by this run: {1}");

    public static readonly DiagnosticDescriptor NesterovWithoutMomentum =
        Error("NS0708", "Nesterov without momentum", "Nesterov momentum needs `momentum` > 0 (0.9 is usual)");

    public static readonly DiagnosticDescriptor InitDoesNotFit =
        Error("NS0709", "Init does not fit a layer", "`init {0}` does not fit layer {1} (`{2}`): {3}");

    public static readonly DiagnosticDescriptor NoBFloat16 =
        Warning("NS0711", "bf16 on a CPU without bfloat16 instructions",
            "this CPU has no bfloat16 instructions (AVX-512 BF16 or AMX), so `precision=bf16` would be emulated and train slower than `precision=fp32`");
}

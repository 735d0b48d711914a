namespace NetScript.Language.Schema;

/// <summary>The largest values integer arguments accept. Each bound keeps sizes inside the
/// runtime's 32-bit tensor dimensions and products (units × inputs, epochs × steps) inside
/// 64 bits, while staying far above anything a run on one machine can use; a value past it is
/// an error ("too large, the limit is …"), never a wrapped number.</summary>
public static class Limits
{
    /// <summary>Counts: epochs, samples per batch, units, channels, classes, trials, patience.</summary>
    public const long Count = 1_000_000;

    /// <summary>Window geometry: kernel, stride, padding, dilation, crop and cutout sides.</summary>
    public const long Window = 4_096;

    /// <summary>Seeds: 2³² − 1, the range of NumPy's and PyTorch's usual seeds.</summary>
    public const long Seed = 4_294_967_295;

    /// <summary>Optimizer steps (statistics sampling, step-long durations) and search bounds.</summary>
    public const long Steps = int.MaxValue;
}

namespace NetScript.Language.Lowering;

/// <summary>How many mini-batches and optimizer updates one epoch has: the training loop and
/// the checker (which knows row counts before any compute) count with these same rules.</summary>
public static class EpochSize
{
    /// <summary>Mini-batches over <paramref name="samples"/> rows; the last may be smaller.</summary>
    public static long Steps(long samples, int batch) => (samples + batch - 1) / batch;

    /// <summary>Optimizer updates: one per window of <paramref name="accumulate"/> mini-batches, rounded up.</summary>
    public static long Updates(long samples, int batch, int accumulate) => (Steps(samples, batch) + accumulate - 1) / accumulate;
}

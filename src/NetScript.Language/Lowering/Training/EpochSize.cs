namespace NetScript.Language.Lowering;

/// <summary>How many mini-batches and optimizer updates one epoch has: the training loop and
/// the checker (which knows row counts before any compute) count with these same rules.</summary>
public static class EpochSize
{
    /// <summary>Whether the epoch's last, smaller mini-batch is left out: with `drop_last`, or
    /// when it holds one sample and the model has batchnorm (whose batch variance of one sample
    /// is undefined and would make the running statistics NaN). An epoch keeps at least one batch.</summary>
    public static bool DropsLast(long samples, int batch, bool dropLast, bool batchNorm) =>
        samples > batch && samples % batch != 0 && (dropLast || batchNorm && samples % batch == 1);

    /// <summary>Mini-batches over <paramref name="samples"/> rows; the last may be smaller unless dropped.</summary>
    public static long Steps(long samples, int batch, bool dropsLast = false) => dropsLast ? samples / batch : (samples + batch - 1) / batch;

    /// <summary>Optimizer updates: one per window of <paramref name="accumulate"/> mini-batches, rounded up.</summary>
    public static long Updates(long samples, int batch, int accumulate, bool dropsLast = false) =>
        (Steps(samples, batch, dropsLast) + accumulate - 1) / accumulate;
}

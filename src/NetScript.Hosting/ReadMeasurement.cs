namespace NetScript.Hosting;

/// <summary>How fast a Parquet dataset reads into tensors: <see cref="TensorBytes"/> is the
/// size of the float32 features plus the labels in memory.</summary>
public sealed record ReadMeasurement(long Rows, long FileBytes, long TensorBytes, double BestSeconds, double MeanSeconds)
{
    public double TensorMegabytesPerSecond => TensorBytes / 1e6 / BestSeconds;

    public double FileMegabytesPerSecond => FileBytes / 1e6 / BestSeconds;
}

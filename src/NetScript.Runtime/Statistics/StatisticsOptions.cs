namespace NetScript.Runtime.Statistics;

/// <summary>How statistics are sampled. <see cref="Every"/> comes from the script's
/// <c>stats=N</c>; the rest are fixed choices with their reasons.</summary>
public sealed record StatisticsOptions(int Every)
{
    /// <summary>Histogram bins: enough to show a spike at 0 or mass piled at ±1 (the guide's
    /// figures), few enough that a sample stays a few hundred bytes per layer.</summary>
    public int Bins { get; init; } = 32;

    /// <summary>Largest number of a layer's outputs a histogram counts; bigger outputs are
    /// counted at this many fixed positions (~256 values per bin on average).</summary>
    public int HistogramValues { get; init; } = 8192;

    /// <summary>Outputs of up to this many values are summarised on the host, reading the
    /// tensor's storage in place: a few vectorised passes cost less than libtorch's per-call
    /// overhead on ~15 small reductions (a 128×256 dense output: ~35 µs against ~150 µs).
    /// Larger outputs (convolutions') are reduced by libtorch on its threads.</summary>
    public long HostSummaryValues { get; init; } = 1 << 16;

    /// <summary>A unit counts as dead when it was not active on any of this many consecutive
    /// sampled batches: with batch 32 that is 320 inputs, far beyond chance for a live unit.</summary>
    public int DeadWindow { get; init; } = 10;

    /// <summary>|a| above this (tanh; sigmoid rescaled as 2σ−1) is saturated: the local
    /// gradient 1 − a² is then below 19% of its peak, for tanh and sigmoid alike.</summary>
    public double SaturationThreshold { get; init; } = 0.9;

    /// <summary>Whether the 1-based global step is sampled: the first step (initialisation)
    /// and every <see cref="Every"/>-th after it.</summary>
    public bool Samples(long globalStep) => Every > 0 && (globalStep - 1) % Every == 0;
}

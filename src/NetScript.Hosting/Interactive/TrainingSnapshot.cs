using System.Collections.Immutable;
using NetScript.Hosting.Statistics;

namespace NetScript.Hosting.Interactive;

/// <summary>Everything the REPL draws about one training run, as of the latest event. A
/// new immutable instance is published per event; the UI reads the newest a few times a
/// second and never touches a tensor. <see cref="SamplesPerSecond"/> and
/// <see cref="Remaining"/> count only time spent running (not paused).</summary>
public sealed record TrainingSnapshot(
    string Model,
    string Data,
    int Epoch,
    int Epochs,
    int Step,
    int StepsPerEpoch,
    double? LatestLoss,
    double? SamplesPerSecond,
    TimeSpan? Remaining,
    JobState State,
    ImmutableList<EpochRecord> History,
    ImmutableArray<LayerRow> Layers)
{
    /// <summary>Share of the run done, 0..1.</summary>
    public double Fraction => Epochs == 0 || StepsPerEpoch == 0
        ? 0
        : Math.Clamp(((Epoch - 1) * (double)StepsPerEpoch + Step) / ((double)Epochs * StepsPerEpoch), 0, 1);

    public EpochRecord? Last => History.IsEmpty ? null : History[^1];
}

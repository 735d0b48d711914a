namespace NetScript.Runtime.Events;

/// <summary>A training run's statistics, TensorBoard log and plots are complete in
/// <see cref="Directory"/> (a folder of the run folder); <see cref="Plots"/> are PNG paths.</summary>
public sealed record StatisticsRecorded(string Model, string Directory, IReadOnlyList<string> Plots) : RunEvent
{
    /// <summary>The per-layer table in <see cref="Directory"/>: one row per layer and sample.</summary>
    public const string LayersFile = "layers.parquet";
}

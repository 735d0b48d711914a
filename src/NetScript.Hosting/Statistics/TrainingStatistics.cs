namespace NetScript.Hosting.Statistics;

/// <summary>The latest sample of one training's per-layer statistics in a run folder:
/// which step it is, how many samples the folder holds, and the rows.</summary>
public sealed record TrainingStatistics(string Model, string Directory, long GlobalStep, long Epoch, long Step, int Samples, IReadOnlyList<LayerRow> Layers);

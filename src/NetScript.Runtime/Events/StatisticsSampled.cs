namespace NetScript.Runtime.Events;

/// <summary>Per-layer statistics of one sampled training step. Training samples its first
/// step (the network at initialisation, as in activation figures) and then every
/// <c>stats=N</c> steps; <see cref="GlobalStep"/> counts optimizer steps from 1 across
/// epochs. Everything describes the forward and backward pass of that step and the update
/// the optimizer then made.</summary>
public sealed record StatisticsSampled(string Model, int Epoch, int Step, long GlobalStep, IReadOnlyList<LayerSample> Layers) : RunEvent;

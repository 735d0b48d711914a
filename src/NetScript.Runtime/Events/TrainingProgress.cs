namespace NetScript.Runtime.Events;

/// <summary>Sampled a few times a second during an epoch; <see cref="Loss"/> is the latest
/// mini-batch loss; <see cref="Remaining"/> extrapolates the run's elapsed time.</summary>
public sealed record TrainingProgress(
    string Model, int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double SamplesPerSecond, TimeSpan Remaining) : RunEvent;

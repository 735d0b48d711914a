namespace NetScript.Runtime.Events;

public sealed record TrainingStarted(
    string Model, string Data, int Epochs, int StepsPerEpoch, long Samples, long Parameters, string Optimizer) : RunEvent;

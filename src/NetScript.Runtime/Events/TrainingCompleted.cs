namespace NetScript.Runtime.Events;

public sealed record TrainingCompleted(string Model, int Epochs, Metrics Train, Metrics? Validation, TimeSpan Elapsed) : RunEvent;

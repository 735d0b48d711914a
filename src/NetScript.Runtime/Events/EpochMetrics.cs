namespace NetScript.Runtime.Events;

/// <summary>One finished epoch as the metrics files and checkpoints record it.</summary>
public sealed record EpochMetrics(int Epoch, Metrics Train, Metrics? Validation, double LearningRate, double Seconds);

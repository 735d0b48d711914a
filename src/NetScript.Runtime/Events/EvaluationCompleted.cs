namespace NetScript.Runtime.Events;

public sealed record EvaluationCompleted(string Model, string Data, Metrics Metrics, long Samples) : RunEvent;

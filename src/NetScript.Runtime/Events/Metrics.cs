namespace NetScript.Runtime.Events;

/// <summary>Mean loss and accuracy over a dataset.</summary>
public sealed record Metrics(double Loss, double Accuracy);

namespace NetScript.Runtime.Events;

public sealed record EvaluationCompleted(string Model, string Data, Metrics Metrics, long Samples) : RunEvent
{
    /// <summary>The k of top-k accuracy, when <see cref="Metrics.TopK"/> is measured (`top_k=`).</summary>
    public int? TopK { get; init; }
}

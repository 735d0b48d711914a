namespace NetScript.Language.Semantics;

/// <summary>A checked <c>early_stop(…)</c> of a train statement.</summary>
public sealed record EarlyStopSettings(BoundArguments Arguments)
{
    public string Metric => Arguments.Text("metric");

    public int Patience => (int)Arguments.Int("patience");

    public double MinDelta => Arguments.Number("min_delta");

    /// <summary>True when a larger value is better (accuracies), false for losses.</summary>
    public bool Maximize => Arguments.Text("mode") switch
    {
        "max" => true,
        "min" => false,
        _ => !Metric.EndsWith("loss", StringComparison.Ordinal),
    };

    public bool RestoreBest => Arguments.Flag("restore_best");

    public override string ToString() => $"early_stop({Arguments.Describe()})";
}

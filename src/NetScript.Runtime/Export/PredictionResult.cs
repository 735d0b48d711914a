namespace NetScript.Runtime.Export;

/// <summary>What a prediction run did: rows, classes (0: raw outputs), the seconds the model
/// and its preprocessing took (reading and writing files excluded), and the accuracy when the
/// input had labels.</summary>
public sealed record PredictionResult(long Rows, int Classes, double Seconds, double? Accuracy)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : double.PositiveInfinity;
}

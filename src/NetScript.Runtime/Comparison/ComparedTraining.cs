namespace NetScript.Runtime.Comparison;

/// <summary>One training's curve of the compared metric (one value per epoch, NaN where the
/// epoch did not record it) and its summary figures.</summary>
public sealed record ComparedTraining(
    string Name,
    string Directory,
    IReadOnlyList<long> Epochs,
    IReadOnlyList<double> Curve,
    double Final,
    double Best,
    long BestEpoch,
    double Seconds);

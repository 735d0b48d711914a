namespace NetScript.Runtime.Training;

/// <summary>The loss became NaN or ±Inf; names the first bad step, and the last checkpoint
/// written before it (which is kept: nothing is saved after a non-finite loss).</summary>
public sealed class NonFiniteLossException(string model, float value, int epoch, int step, string? lastGoodCheckpoint)
    : Exception($"loss of `{model}` became {value} at epoch {epoch}, step {step}")
{
    public string Model { get; } = model;

    public float Value { get; } = value;

    public int Epoch { get; } = epoch;

    public int Step { get; } = step;

    public string? LastGoodCheckpoint { get; } = lastGoodCheckpoint;
}

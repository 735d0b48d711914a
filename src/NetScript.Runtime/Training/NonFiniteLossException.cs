namespace NetScript.Runtime.Training;

/// <summary>The loss became NaN or ±Inf; names the first bad step.</summary>
public sealed class NonFiniteLossException(string model, float value, int epoch, int step)
    : Exception($"loss of `{model}` became {value} at epoch {epoch}, step {step}")
{
    public string Model { get; } = model;

    public float Value { get; } = value;

    public int Epoch { get; } = epoch;

    public int Step { get; } = step;
}

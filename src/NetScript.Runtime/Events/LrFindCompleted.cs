namespace NetScript.Runtime.Events;

/// <summary>A range test finished: the suggested rate (steepest descent of the smoothed loss),
/// the rate of the lowest smoothed loss, how many rates it tried and whether it stopped because
/// the loss diverged.</summary>
public sealed record LrFindCompleted(string Model, string Data, double Suggested, double Minimum, int Tried, int Planned, bool Diverged) : RunEvent
{
    public string? Plot { get; init; }
}

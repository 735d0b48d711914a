namespace NetScript.Runtime.Events;

/// <summary>A range test finished: the suggested rate (steepest descent of the smoothed loss),
/// the rate of the lowest smoothed loss, the rate whose loss diverged (null when every planned
/// rate was tried) and how many rates it tried. The suggestion is reported, not applied.</summary>
public sealed record LrFindCompleted(string Model, string Data, double Suggested, double Minimum, double? DivergedAt, int Tried, int Planned) : RunEvent
{
    public string? Plot { get; init; }
}

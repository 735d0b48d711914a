namespace NetScript.Runtime.LrFind;

/// <summary>What a range test measured: per tried rate the raw and the smoothed loss, how many
/// rates were planned, and the rate whose loss diverged (null when every rate was tried).</summary>
public sealed record LrFindResult(double[] Rates, double[] Losses, double[] Smoothed, int Planned, double? DivergedAt)
{
    /// <summary>The suggestion: the steepest descent of the smoothed loss.</summary>
    public double Suggested => Rates[LearningRateFinder.SteepestIndex(Smoothed, Planned)];

    /// <summary>The rate of the lowest smoothed loss.</summary>
    public double Minimum => Rates[LearningRateFinder.MinimumIndex(Smoothed)];
}

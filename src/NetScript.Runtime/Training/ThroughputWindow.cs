namespace NetScript.Runtime.Training;

/// <summary>Samples per second over the latest epochs that together took at least
/// <paramref name="span"/> (always the latest one): epochs of a few milliseconds, whose
/// timing is mostly noise, are judged together, so the figure on successive epoch lines
/// moves smoothly; an epoch longer than the span is its own window.</summary>
internal sealed class ThroughputWindow(TimeSpan span)
{
    /// <summary>Long enough to hold many short epochs, short enough to follow a real change of speed.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromSeconds(2);

    readonly Queue<(double Samples, double Seconds)> _epochs = new();

    /// <summary>Adds an epoch and returns the window's samples per second.</summary>
    public double Add(double samples, double seconds)
    {
        _epochs.Enqueue((samples, seconds));
        while (_epochs.Count > 1 && _epochs.Skip(1).Sum(e => e.Seconds) >= span.TotalSeconds) _epochs.Dequeue();
        return _epochs.Sum(e => e.Samples) / _epochs.Sum(e => e.Seconds);
    }
}

namespace NetScript.Runtime.Statistics;

/// <summary>Dead units over a sliding window of sampled batches: a unit is dead when it was
/// not active on any of the last <c>window</c> samples. Keeps one index per unit (the last
/// sample it was active on) — constant memory however long the run.</summary>
internal sealed class DeadUnitTracker
{
    readonly long[] _lastActive;
    readonly int _window;
    long _samples;

    public DeadUnitTracker(int units, int window)
    {
        _lastActive = new long[units];
        Array.Fill(_lastActive, -1L);
        _window = window;
    }

    public int Units => _lastActive.Length;

    /// <summary>Records one sample's activity (one value per unit, &gt; 0 when active) and
    /// returns the share of units dead over the window that ends with it.</summary>
    public double Update(ReadOnlySpan<float> active)
    {
        long sample = _samples++;
        long windowStart = Math.Max(0, sample - _window + 1);
        int dead = 0;
        for (int unit = 0; unit < _lastActive.Length; unit++)
        {
            if (active[unit] > 0) _lastActive[unit] = sample;
            if (_lastActive[unit] < windowStart) dead++;
        }
        return _lastActive.Length == 0 ? 0 : dead / (double)_lastActive.Length;
    }
}

namespace NetScript.Runtime.Training.Schedules;

/// <summary>PyTorch's OneCycleLR (two phases, no momentum cycling) in closed form: phase one
/// ends at update pct_start·T − 1 and rises from max_lr/div_factor to max_lr, phase two
/// ends at update T − 1 and falls to max_lr/(div_factor·final_div_factor).</summary>
internal static class OneCycle
{
    public static Func<long, double> Curve(double maxRate, double pctStart, double divFactor, double finalDivFactor, bool cosine, long total)
    {
        double initial = maxRate / divFactor, final = initial / finalDivFactor;
        double peak = pctStart * total - 1, end = total - 1;
        return t =>
        {
            // PyTorch divides by peak here; with fewer than 1/pct_start updates there is no rising phase.
            if (t <= peak && peak > 0) return Anneal(initial, maxRate, t / peak, cosine);
            return end > peak ? Anneal(maxRate, final, (t - peak) / (end - peak), cosine) : final;
        };
    }

    /// <summary>From <paramref name="start"/> (pct 0) to <paramref name="end"/> (pct 1).</summary>
    static double Anneal(double start, double end, double pct, bool cosine) =>
        cosine ? end + (start - end) / 2 * (Math.Cos(Math.PI * pct) + 1) : start + (end - start) * pct;
}

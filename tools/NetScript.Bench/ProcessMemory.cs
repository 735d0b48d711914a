namespace NetScript.Bench;

/// <summary>This process's resident memory from /proc/self/status: the current size (VmRSS),
/// and the high-water mark (VmHWM), which Linux resets when "5" is written to
/// /proc/self/clear_refs, so each measured run gets its own peak.</summary>
public static class ProcessMemory
{
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not permitted: the figure is then the process's peak so far.
        }
    }

    /// <summary>VmHWM in MiB, or NaN where /proc is unavailable.</summary>
    public static double PeakMegabytes() => Read("VmHWM:");

    /// <summary>VmRSS in MiB, or NaN where /proc is unavailable.</summary>
    public static double ResidentMegabytes() => Read("VmRSS:");

    static double Read(string key)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return double.NaN;
        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}

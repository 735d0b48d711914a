namespace NetScript.Bench;

/// <summary>Peak resident memory of one measured run in this process: Linux resets the
/// high-water mark (VmHWM) when "5" is written to /proc/self/clear_refs.</summary>
public static class PeakMemory
{
    public static void Reset()
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
    public static double Megabytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return double.NaN;
        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}

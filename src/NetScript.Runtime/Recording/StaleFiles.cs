using System.Diagnostics;

namespace NetScript.Runtime.Recording;

/// <summary>Removes the temporary files a run leaves when it is killed while writing (SIGKILL,
/// a second Ctrl-C, a full disk): <c>.NAME.PID.ID.tmp</c> of <see cref="Data.AtomicFile"/>
/// whose process has ended, and <c>NAME.tmp</c> of earlier NetScript versions. Files of a
/// process that is still running are left alone: it may be writing them now.</summary>
internal static class StaleFiles
{
    /// <summary>Cleans <paramref name="folder"/> and its folders down to
    /// <paramref name="depth"/> levels (runs root → run → training). Never throws: cleaning is
    /// a courtesy and must not stop a run.</summary>
    public static int Remove(string folder, int depth)
    {
        int removed = 0;
        try
        {
            if (!Directory.Exists(folder)) return 0;
            var options = new EnumerationOptions { RecurseSubdirectories = depth > 0, MaxRecursionDepth = depth, AttributesToSkip = 0, IgnoreInaccessible = true };
            foreach (string file in Directory.EnumerateFiles(folder, "*.tmp", options))
            {
                if (WriterRunning(Path.GetFileName(file))) continue;
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user's run, or a read-only folder: not ours to clean.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return removed;
    }

    static bool WriterRunning(string name)
    {
        string[] parts = name.Split('.');
        // ".NAME.PID.GUID.tmp" splits into "", NAME…, PID, GUID, "tmp".
        if (parts.Length < 5 || parts[0] != "" || !int.TryParse(parts[^3], out int pid)) return false;
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}

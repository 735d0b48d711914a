namespace NetScript.Runtime.Recording;

/// <summary>A file of a run cannot be written or read: a full disk, a folder without write
/// permission, a path that names a file. The message names the file and the reason in the
/// user's terms; it is an <see cref="IOException"/> so hosts report it as an environmental
/// error (exit code 1), never as a bug.</summary>
public sealed class RecordingException(string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>"no space left on device", "permission denied", … for <paramref name="e"/>.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on the path does not exist",
        RecordingException r => r.Message,
        IOException io when io.HResult == DiskFull || io.Message.Contains("No space left", StringComparison.Ordinal) => "no space left on device",
        _ => e.Message.Split('\n')[0].Trim(),
    };

    // ENOSPC as .NET reports it on Unix; ERROR_DISK_FULL on Windows.
    const int DiskFull = 28;
}

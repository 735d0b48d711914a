using System.Runtime.InteropServices;
using System.Text;

namespace NetScript.Repl;

/// <summary>Points file descriptor 2 at a log file while the TUI runs. libtorch (and any
/// native code) writes warnings straight to fd 2, which would scribble over the screen;
/// Console.SetError cannot catch those. New text is read back for the output pane, and
/// the original stderr is restored on dispose.</summary>
internal sealed class StderrCapture : IDisposable
{
    // Linux values of open(2) flags.
    const int OWrOnly = 0x1, OCreat = 0x40, OTrunc = 0x200, OAppend = 0x400;
    const int StandardError = 2;
    readonly int _saved;
    long _read;

    StderrCapture(string path, int saved)
    {
        Path = path;
        _saved = saved;
    }

    public string Path { get; }

    /// <summary>Starts capturing, or returns null where that is not possible (not Linux, no fd).</summary>
    public static StderrCapture? Start(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        int saved = Dup(StandardError);
        if (saved < 0) return null;
        int fd = Open(path, OWrOnly | OCreat | OTrunc | OAppend, Convert.ToInt32("644", 8));
        if (fd < 0 || Dup2(fd, StandardError) < 0)
        {
            if (fd >= 0) Close(fd);
            Close(saved);
            return null;
        }
        Close(fd);
        return new StderrCapture(path, saved);
    }

    /// <summary>What was written since the last call (empty when nothing).</summary>
    public string ReadNew()
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length <= _read) return "";
            stream.Seek(_read, SeekOrigin.Begin);
            var buffer = new byte[Math.Min(64 * 1024, stream.Length - _read)];
            int n = stream.Read(buffer, 0, buffer.Length);
            _read += n;
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        Dup2(_saved, StandardError);
        Close(_saved);
    }

    [DllImport("libc", EntryPoint = "dup")]
    static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2")]
    static extern int Dup2(int oldFd, int newFd);

    [DllImport("libc", EntryPoint = "open")]
    static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "close")]
    static extern int Close(int fd);
}

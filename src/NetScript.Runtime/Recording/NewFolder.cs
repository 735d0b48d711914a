using System.Runtime.InteropServices;

namespace NetScript.Runtime.Recording;

/// <summary>The one way a run names a new folder: the first of NAME, NAME-2, NAME-3, … that
/// nobody has taken. Creating the folder is the claim — with create-new semantics (mkdir fails
/// when the folder exists), so two runs starting in the same instant never share one.</summary>
internal static class NewFolder
{
    const int AlreadyExists = 17; // EEXIST

    /// <summary>Creates <c>parent/NAME+suffix</c> for the first free NAME of
    /// <paramref name="name"/>, <paramref name="name"/>-2, …; returns that NAME.</summary>
    public static string Claim(string parent, string name, string suffix = "")
    {
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"cannot create the folder {parent}: {(File.Exists(parent) ? "it is a file" : RecordingException.Reason(e))}", e);
        }
        for (int i = 1; ; i++)
        {
            string candidate = i == 1 ? name : $"{name}-{i}";
            if (TryCreate(Path.Combine(parent, candidate + suffix))) return candidate;
        }
    }

    static bool TryCreate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No create-new for folders in .NET; Windows hosts keep the check-then-create race.
            if (Directory.Exists(path)) return false;
            Directory.CreateDirectory(path);
            return true;
        }
        if (mkdir(path, 0x1FF) == 0) return true; // 0777, narrowed by the umask as mkdir(1) does
        int error = Marshal.GetLastPInvokeError();
        if (error == AlreadyExists) return false;
        string reason = error switch
        {
            13 or 1 => "permission denied",       // EACCES, EPERM
            28 => "no space left on device",      // ENOSPC
            20 => "a part of the path is a file", // ENOTDIR
            30 => "the file system is read-only", // EROFS
            _ => Marshal.GetPInvokeErrorMessage(error),
        };
        throw new RecordingException($"cannot create the folder {path}: {reason}");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int mkdir([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}

using System.Text.Json;

namespace NetScript.Runtime.Execution;

/// <summary>One folder per run under the runs root: the script, fitted preprocessing and a
/// summary. Files are written to a temp name and renamed, so a crash never leaves half a file.</summary>
public sealed class RunFolder
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN accuracy of regression
    };

    RunFolder(string path) => Path = path;

    public string Path { get; }

    public static RunFolder Create(string root, string scriptName, string scriptText)
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(scriptName);
        if (string.IsNullOrWhiteSpace(stem) || stem.StartsWith('<')) stem = "session";
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        string path = System.IO.Path.Combine(root, $"{stamp}-{stem}");
        for (int i = 2; Directory.Exists(path); i++)
            path = System.IO.Path.Combine(root, $"{stamp}-{stem}-{i}");
        Directory.CreateDirectory(path);
        var folder = new RunFolder(System.IO.Path.GetFullPath(path));
        folder.WriteText("script.nns", scriptText);
        return folder;
    }

    /// <summary>A folder inside this run (created when missing) for a part of it with files of
    /// its own: RUN/trials/0003 for a search's trial.</summary>
    public RunFolder Child(string relative)
    {
        string path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(path);
        return new RunFolder(path);
    }

    /// <summary>An existing run folder, to continue it (a search resumed into it).</summary>
    public static RunFolder Open(string path) =>
        Directory.Exists(path) ? new RunFolder(System.IO.Path.GetFullPath(path)) : throw new DirectoryNotFoundException($"no run folder {path}");

    public void WriteText(string name, string text) =>
        WriteAtomically(name, temp => File.WriteAllText(temp, text));

    public void WriteJson<T>(string name, T value) =>
        WriteAtomically(name, temp => File.WriteAllText(temp, JsonSerializer.Serialize(value, Json)));

    public void WriteAtomically(string name, Action<string> write)
    {
        string target = System.IO.Path.Combine(Path, name);
        string temp = target + ".tmp";
        write(temp);
        File.Move(temp, target, overwrite: true);
    }
}

using System.Text.Json;
using NetScript.Data;
using NetScript.Runtime.Execution;

namespace NetScript.Runtime.Recording;

/// <summary>One folder per run under the runs root: the script, fitted preprocessing and a
/// summary. Files go through <see cref="AtomicFile"/>, so a crash never leaves half a file; a
/// file that cannot be written raises a <see cref="RecordingException"/> naming it.</summary>
public sealed class RunFolder
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN accuracy of regression
    };

    RunFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates <c>ROOT/yyyyMMdd-HHmmss-SCRIPT</c> (then <c>…-2</c>, … when taken) and
    /// writes the script into it.</summary>
    public static RunFolder Create(string root, string scriptName, string scriptText)
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(scriptName);
        if (string.IsNullOrWhiteSpace(stem) || stem.StartsWith('<')) stem = "session";
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        string name = NewFolder.Claim(root, $"{stamp}-{stem}");
        StaleFiles.Remove(root, depth: 2); // what killed runs left: root/RUN/TRAINING/.x.tmp
        var folder = new RunFolder(System.IO.Path.GetFullPath(System.IO.Path.Combine(root, name)));
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

    int _searches;

    /// <summary>Where the next search of this run keeps its files: the run folder itself for the
    /// first search, RUN/search-N for the N-th after it (more searches in one REPL session), so
    /// one search's journals, trials and best.json never pass for another's. A run continued
    /// with --resume numbers its searches the same way.</summary>
    public RunFolder NextSearchFolder() => ++_searches == 1 ? this : Child($"search-{_searches}");

    /// <summary>An existing run folder, to continue it (a search resumed into it).</summary>
    public static RunFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"no run folder {path}");
        StaleFiles.Remove(path, depth: 3); // what a killed run left: RUN/trials/NNNN/.x.tmp
        return new RunFolder(System.IO.Path.GetFullPath(path));
    }

    public void WriteText(string name, string text) =>
        Write(name, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    public void WriteJson<T>(string name, T value) =>
        Write(name, stream => JsonSerializer.Serialize(stream, value, Json));

    void Write(string name, Action<Stream> write)
    {
        string target = System.IO.Path.Combine(Path, name);
        try
        {
            AtomicFile.Write(target, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"could not write {ModelExecutor.Display(target)}: {RecordingException.Reason(e)}", e);
        }
    }
}

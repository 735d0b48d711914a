using NetScript.Hosting;
using NetScript.Language.Text;

namespace NetScript.Tests;

/// <summary>Runs .nns text through a real session, as the CLI does.</summary>
public static class Scripts
{
    public static (SubmissionResult Result, RecordingObserver Events) Run(string text, string? runsDirectory = null, string path = "test.nns")
    {
        var observer = new RecordingObserver();
        using var session = new Session(new SessionOptions(runsDirectory, observer) { Snippets = Scripting.SnippetScripts.Shared });
        var result = session.Submit(SourceText.From(text, path));
        return (result, observer);
    }

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "netscript-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

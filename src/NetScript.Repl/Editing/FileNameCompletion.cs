namespace NetScript.Repl.Editing;

/// <summary>Completes the FILE of `:load FILE` and `:save FILE`: the folders (ending in `/`)
/// and `.nns` scripts whose path starts with what is typed, relative to the REPL's working
/// directory as the commands read them. Hidden entries appear only once a `.` is typed.</summary>
public sealed class FileNameCompletion(string workingDirectory)
{
    /// <summary>The commands whose argument is a script file.</summary>
    public static readonly IReadOnlySet<string> Commands = new HashSet<string>(StringComparer.Ordinal) { "load", "save" };

    /// <summary>The completion for a command line, or null when the caret is not in a file name
    /// of one of <see cref="Commands"/>.</summary>
    public Completion? Complete(string text, int caret)
    {
        string line = text[..caret];
        if (line.Contains('\n')) return null;
        string trimmed = line.TrimStart();
        if (!trimmed.StartsWith(':')) return null;
        int space = trimmed.IndexOfAny([' ', '\t']);
        if (space < 0 || !Commands.Contains(trimmed[1..space])) return null;
        int start = line.Length - trimmed.Length + space + 1;
        while (start < caret && line[start] is ' ' or '\t' or '"') start++;
        string typed = line[start..];
        return new Completion(start, typed, Candidates(typed));
    }

    IReadOnlyList<string> Candidates(string typed)
    {
        int slash = typed.LastIndexOf('/');
        string folder = slash < 0 ? "" : typed[..(slash + 1)];
        string name = typed[(slash + 1)..];
        string path = Path.Combine(workingDirectory, folder.Length == 0 ? "." : folder);
        if (!Directory.Exists(path)) return [];
        bool hidden = name.StartsWith('.');
        try
        {
            var entries = new DirectoryInfo(path).EnumerateFileSystemInfos()
                .Where(e => e.Name.StartsWith(name, StringComparison.Ordinal) && (hidden || !e.Name.StartsWith('.')))
                .Where(e => e is DirectoryInfo || e.Name.EndsWith(".nns", StringComparison.Ordinal))
                .Select(e => folder + e.Name + (e is DirectoryInfo ? "/" : ""));
            return entries.Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}

namespace NetScript.Tests;

/// <summary>Locates the repository from the test output folder (tests read scripts and
/// golden files in place; nothing is copied).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scripts => Path.Combine(Root, "scripts");

    public static string Golden(string area) => Path.Combine(Root, "tests", "NetScript.Tests", "Golden", area);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NetScript.sln"))) return dir.FullName;
        throw new InvalidOperationException("NetScript.sln not found above " + AppContext.BaseDirectory);
    }
}

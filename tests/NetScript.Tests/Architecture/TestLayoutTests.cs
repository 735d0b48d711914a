namespace NetScript.Tests.Architecture;

/// <summary>The test folders mirror the source folders: the tests of
/// <c>src/NetScript.Runtime/Training/Schedules</c> live in
/// <c>tests/NetScript.Tests/Runtime/Training/Schedules</c>, with namespaces to match. Only the
/// cross-cutting folders (architecture, build, golden files, shared test infrastructure) have
/// no source folder; the shared infrastructure is in the root namespace, NetScript.Tests.</summary>
public sealed class TestLayoutTests
{
    static readonly string Tests = Path.Combine(RepoPaths.Root, "tests", "NetScript.Tests");
    static readonly string[] CrossCutting = ["Architecture", "Build", "Golden", "Infrastructure", "bin", "obj"];

    static IEnumerable<string> TestFolders() =>
        Directory.EnumerateDirectories(Tests, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Tests, d))
            .Where(d => !CrossCutting.Contains(d.Split(Path.DirectorySeparatorChar)[0]));

    [Fact]
    public void Every_test_folder_has_a_source_folder()
    {
        var orphans = TestFolders()
            .Where(d =>
            {
                string[] parts = d.Split(Path.DirectorySeparatorChar);
                return !Directory.Exists(Path.Combine([RepoPaths.Root, "src", "NetScript." + parts[0], .. parts[1..]]));
            })
            .ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_test_file_is_in_the_namespace_of_its_folder()
    {
        var misplaced = Directory.EnumerateFiles(Tests, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Tests, f))
            .Where(f => !f.StartsWith("bin", StringComparison.Ordinal) && !f.StartsWith("obj", StringComparison.Ordinal))
            .Where(f => Path.GetDirectoryName(f) is { Length: > 0 } folder && folder != "Infrastructure")
            .Where(f =>
            {
                string expected = "namespace NetScript.Tests." + Path.GetDirectoryName(f)!.Replace(Path.DirectorySeparatorChar, '.') + ";";
                return !File.ReadLines(Path.Combine(Tests, f)).Any(line => line == expected);
            })
            .ToList();
        Assert.Empty(misplaced);
    }
}

using System.Text;

namespace NetScript.Tests;

/// <summary>Golden files (as scriban's TestFiles): an input beside its expected output.
/// Set NETSCRIPT_UPDATE_GOLDEN=1 to rewrite expected outputs after an intended change,
/// then review the diff.</summary>
public static class GoldenFile
{
    public static IEnumerable<object[]> Inputs(string area) =>
        Directory.EnumerateFiles(RepoPaths.Golden(area), "*.nns")
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f) });

    public static void Verify(string area, string inputName, string extension, string actual)
    {
        string expectedPath = Path.Combine(RepoPaths.Golden(area), Path.ChangeExtension(inputName, extension));
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("NETSCRIPT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing golden file {expectedPath}; run with NETSCRIPT_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), actual);
    }

    public static string Read(string area, string inputName) =>
        File.ReadAllText(Path.Combine(RepoPaths.Golden(area), inputName));
}

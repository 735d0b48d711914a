using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;

namespace NetScript.Tests.Scripting;

/// <summary>scripts/tukey.nns: the notes' Tukey biweight written as a C# snippet trains like the
/// built-in `tukey`, and both fit the bulk of the data better than squared error does.</summary>
[Collection(TorchCollection.Name)]
public sealed class TukeyExampleTests
{
    [Fact]
    public void The_biweight_snippet_matches_the_built_in_tukey_and_beats_squared_error()
    {
        string path = Path.Combine(RepoPaths.Scripts, "tukey.nns");
        string runs = Scripts.TempDirectory();
        var (result, events) = Scripts.Run(File.ReadAllText(path), runs, path);
        Assert.True(result.Succeeded, DiagnosticFormatter.FormatAll(result.Diagnostics));

        string run = Assert.Single(Directory.GetDirectories(runs));
        double[] Losses(string model) => (double[])ParquetTableReader.Read(Path.Combine(run, model, "steps.parquet"))["loss"];
        double[] builtIn = Losses("builtin"), snippet = Losses("snippet");
        Assert.Equal(100 * 6, builtIn.Length);                   // 90 points in batches of 16
        for (int i = 0; i < builtIn.Length; i++)
            Assert.Equal(builtIn[i], snippet[i], 1e-6);           // same function, written (x·x·x) vs pow(3)

        var medae = events.Of<EvaluationCompleted>().ToDictionary(e => e.Model, e => e.Metrics.Custom!["medae"]);
        Assert.Equal(medae["builtin"], medae["snippet"], 1e-6);
        // Over the last 50 epochs: the inliers' noise is N(0, 0.3²), so a line through them has a
        // median absolute error near 0.2; the biweight's stays there, squared error's swings.
        double[] Last50(string model) => [.. events.Of<EpochCompleted>().Where(e => e.Model == model).TakeLast(50).Select(e => e.Validation!.Custom!["medae"])];
        double[] robust = Last50("snippet"), squared = Last50("squared");
        string seen = $"biweight {string.Join(" ", robust.Select(v => v.ToString("0.00")))}; squared {string.Join(" ", squared.Select(v => v.ToString("0.00")))}";
        Assert.True(robust.All(v => v is > 0.15 and < 0.35) && robust.Max() - robust.Min() < 0.1, seen);
        Assert.True(squared.Max() > 0.6 && squared.Average() > robust.Average(), seen);
    }
}

using NetScript.Language.Diagnostics;
using NetScript.Hosting.Statistics;

namespace NetScript.Cli;

/// <summary><c>netscript stats RUN_DIR</c>: the latest per-layer statistics of each training
/// recorded in a run folder (or in one training's folder inside it).</summary>
internal static class StatsCommand
{
    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(path)) return Fail(stderr, path, "no such folder");
        IReadOnlyList<TrainingStatistics> trainings;
        try
        {
            trainings = StatisticsReader.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail(stderr, path, "a statistics file cannot be read: " + e.Message.Split('\n')[0]);
        }
        if (trainings.Count == 0)
            return Fail(stderr, path, "no training here recorded any (statistics are sampled when `train` has stats=N with N > 0, the default)");
        for (int i = 0; i < trainings.Count; i++)
        {
            var t = trainings[i];
            if (i > 0) stdout.WriteLine();
            stdout.WriteLine($"{t.Model}: step {t.GlobalStep:N0} (epoch {t.Epoch}, step {t.Step}), latest of {t.Samples:N0} samples in {t.Directory}");
            stdout.Write(LayerTable.Format(t.Layers));
        }
        return ExitCodes.Success;
    }

    static int Fail(TextWriter stderr, string path, string reason)
    {
        stderr.WriteLine($"{path}: error {DiagnosticCatalog.NoStatistics.Id}: {DiagnosticCatalog.NoStatistics.Format("the folder", reason)}");
        return ExitCodes.ScriptError;
    }
}

using NetScript.Data;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Events;

namespace NetScript.Hosting.Statistics;

/// <summary>Reads the latest sampled per-layer statistics of each training recorded in a run
/// folder (or of one training's folder) back from <c>layers.parquet</c>.</summary>
public static class StatisticsReader
{
    /// <summary>Every training with statistics under <paramref name="path"/>, in folder
    /// order; empty when there are none. Throws IOException, or InvalidDataException for a
    /// file that is not a statistics table.</summary>
    public static IReadOnlyList<TrainingStatistics> Read(string path)
    {
        try
        {
            return ReadAll(path);
        }
        catch (DataException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    static IReadOnlyList<TrainingStatistics> ReadAll(string path)
    {
        var folders = File.Exists(Path.Combine(path, StatisticsRecorded.LayersFile))
            ? [path]
            : Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, StatisticsRecorded.LayersFile))).Order(StringComparer.Ordinal).ToList();
        return folders.Select(ReadTraining).Where(t => t is not null).Select(t => t!).ToList();
    }

    static TrainingStatistics? ReadTraining(string folder)
    {
        var columns = ParquetTableReader.Read(Path.Combine(folder, StatisticsRecorded.LayersFile));
        long[] steps = (long[])columns["global_step"];
        if (steps.Length == 0) return null;
        long latest = steps.Max();
        int[] rows = Enumerable.Range(0, steps.Length).Where(i => steps[i] == latest).ToArray();
        T[] Column<T>(string name) => (T[])columns[name];
        var layers = rows
            .OrderBy(i => Column<long>("index")[i])
            .Select(i => new LayerRow(
                Column<string>("layer")[i], Column<string>("kind")[i], Column<double>("mean")[i], Column<double>("std")[i],
                Column<double>("min")[i], Column<double>("max")[i], Column<double?>("zero_fraction")[i],
                Column<double?>("dead_fraction")[i], Column<double?>("saturated_fraction")[i], Column<double?>("weight_norm")[i],
                Column<double?>("gradient_norm")[i], Column<double?>("update_ratio")[i]))
            .ToList();
        int first = rows[0];
        return new TrainingStatistics(Path.GetFileName(folder), folder, latest, Column<long>("epoch")[first], Column<long>("step")[first],
            steps.Distinct().Count(), layers);
    }
}

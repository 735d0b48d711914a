using System.Diagnostics;
using NetScript.Data;
using NetScript.Runtime;

namespace NetScript.Hosting;

/// <summary>The `netscript data …` commands, for hosts: convert files to Parquet, describe a
/// Parquet dataset from its footer, and time reading one into tensors (the data benchmark).
/// Hosts get lines of text and plain records; a file the data layer rejects comes back as an
/// <see cref="InvalidDataException"/> with the data layer's message.</summary>
public static class DataTools
{
    /// <summary>Converts <paramref name="source"/> and describes what was written.</summary>
    public static string Import(string source, string destination, string? labels, string? labelColumn)
    {
        ImportSummary summary = Guard(() => DatasetImporter.Import(source, destination, new ImportOptions { Labels = labels, LabelColumn = labelColumn }));
        return $"{summary.Rows:N0} rows from {summary.Format}, samples {Shape(summary.SampleShape)}, "
            + (summary.Label is null ? "no label column (name one with --label)" : $"label `{summary.Label}`, {Task(summary.Classes)}")
            + $", {summary.Bytes / 1e6:0.0} MB";
    }

    /// <summary>Rows, sample shape, label and classes, from the file's footer.</summary>
    public static string Describe(string path)
    {
        ParquetDatasetInfo info = Guard(() => ParquetDatasetReader.Describe(path, new ParquetLoadOptions()));
        return $"{info.Rows:N0} rows, samples {Shape(info.SampleShape)} "
            + (info.ImageColumn is { } column ? $"from the list column `{column}`" : $"from {info.Features.Count} columns")
            + $", label `{info.Label}`, {Task(info.Classes)} (from {info.ClassesFrom})";
    }

    /// <summary>Reads the file into tensors <paramref name="repeats"/> times after one warm-up
    /// read (JIT, page cache) and reports the fastest and the mean time.</summary>
    public static ReadMeasurement MeasureRead(string path, int repeats = 5) => Guard(() =>
    {
        TorchRuntime.EnsureLoaded();
        long bytes;
        using (var warm = ParquetDatasetReader.Read(path, new ParquetLoadOptions()))
            bytes = warm.Features.numel() * sizeof(float) + warm.Labels.numel() * (warm.IsRegression ? sizeof(float) : sizeof(long));
        var seconds = new List<double>();
        long rows = 0;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var data = ParquetDatasetReader.Read(path, new ParquetLoadOptions());
            seconds.Add(clock.Elapsed.TotalSeconds);
            rows = data.Count;
        }
        return new ReadMeasurement(rows, new FileInfo(path).Length, bytes, seconds.Min(), seconds.Average());
    });

    static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DataException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    static string Task(int classes) => classes == 0 ? "regression" : $"{classes} classes";
}

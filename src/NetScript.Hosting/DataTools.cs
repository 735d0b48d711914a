using System.Diagnostics;
using NetScript.Data;
using NetScript.Runtime;

namespace NetScript.Hosting;

/// <summary>The `netscript data …` commands, for hosts: convert files to Parquet, describe a
/// Parquet dataset from its footer, and time reading one into tensors (the data benchmark).
/// Hosts see plain records only.</summary>
public static class DataTools
{
    public static ImportSummary Import(string source, string destination, string? labels, string? labelColumn) =>
        DatasetImporter.Import(source, destination, new ImportOptions { Labels = labels, LabelColumn = labelColumn });

    public static ParquetDatasetInfo Describe(string path) => ParquetDatasetReader.Describe(path, new ParquetLoadOptions());

    /// <summary>Reads the file into tensors <paramref name="repeats"/> times after one warm-up
    /// read (JIT, page cache) and reports the fastest and the mean time.</summary>
    public static ReadMeasurement MeasureRead(string path, int repeats = 5)
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
    }
}

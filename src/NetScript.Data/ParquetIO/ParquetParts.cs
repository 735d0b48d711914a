using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A folder of Parquet part files, as Spark and pandas (partition_cols, dask) write
/// them: the `*.parquet` files in name order make one dataset; marker and checksum files
/// (`_SUCCESS`, `.crc`, hidden files) are ignored. Every part must have the same columns,
/// sample shape, label and task; the class count is the largest any part gives.</summary>
internal static class ParquetParts
{
    public static ParquetDatasetInfo Describe(string folder, ParquetLoadOptions options, string name) =>
        Combine(Describe(Files(folder, name), options, name), name);

    public static TensorDataset Read(string folder, ParquetLoadOptions options, string name, CancellationToken cancellation)
    {
        var parts = Describe(Files(folder, name), options, name);
        ParquetDatasetInfo info = Combine(parts, name);
        if (info.Rows == 0) throw new DataException($"{name} has no rows");
        // Every part reads its labels against the combined class count.
        ParquetLoadOptions each = info.Task == DatasetTask.Classification ? options with { Classes = info.Classes } : options;
        Tensor features = empty([info.Rows, .. info.SampleShape], dtype: ScalarType.Float32); // (N, …)
        var labels = new List<Tensor>();
        try
        {
            long offset = 0;
            foreach (var (path, part, partName) in parts)
            {
                if (part.Rows == 0) continue;
                using Tensor block = features.narrow(0, offset, part.Rows); // (rows, …), a view
                labels.Add(ParquetDatasetReader.Open(path, partName, reader =>
                    ParquetDatasetReader.ReadIntoAsync(reader, ParquetLayout.Resolve(reader, each, partName), block, partName, cancellation)));
                offset += part.Rows;
            }
            ParquetDatasetReader.CheckFinite(features, name);
            Tensor all = labels.Count == 1 ? labels[0].alias() : cat(labels, 0);
            return new TensorDataset(features, all, info.Classes);
        }
        catch
        {
            features.Dispose();
            throw;
        }
        finally
        {
            foreach (Tensor label in labels) label.Dispose();
        }
    }

    static List<(string Path, ParquetDatasetInfo Info, string Name)> Describe(string[] files, ParquetLoadOptions options, string name) =>
        files.Select(file =>
        {
            string partName = $"{name.TrimEnd('"')}/{Path.GetFileName(file)}\"";
            return (file, ParquetDatasetReader.Describe(file, options, partName), partName);
        }).ToList();

    static ParquetDatasetInfo Combine(List<(string Path, ParquetDatasetInfo Info, string Name)> parts, string name)
    {
        var (_, first, firstName) = parts[0];
        foreach (var (_, info, partName) in parts.Skip(1))
        {
            (string Part, string First)? differs =
                !info.SampleShape.SequenceEqual(first.SampleShape) ? ($"samples of shape {ParquetLayout.FormatShape(info.SampleShape)}", ParquetLayout.FormatShape(first.SampleShape))
                : info.Label != first.Label ? ($"the label column `{info.Label}`", $"`{first.Label}`")
                : !info.Features.SequenceEqual(first.Features) || info.ImageColumn != first.ImageColumn
                    ? ($"the features {string.Join(", ", info.Features.Select(f => $"`{f}`"))}", string.Join(", ", first.Features.Select(f => $"`{f}`")))
                : info.Task != first.Task ? ($"a {Noun(info.Task)} label", $"a {Noun(first.Task)} one")
                : null;
            if (differs is { } d) throw new DataException($"the parts of {name} differ: {partName} has {d.Part}, but {firstName} has {d.First}");
        }
        return first with { Rows = parts.Sum(p => p.Info.Rows), Classes = parts.Max(p => p.Info.Classes) };
    }

    static string Noun(DatasetTask task) => task == DatasetTask.Regression ? "regression" : "classification";

    static string[] Files(string folder, string name)
    {
        string[] files = Directory.EnumerateFiles(folder, "*.parquet")
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0 ? files : throw new DataException($"{name} is a folder without Parquet part files (*.parquet)");
    }
}

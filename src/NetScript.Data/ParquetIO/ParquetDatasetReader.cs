using Parquet;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Reads Parquet files as datasets. <see cref="Describe(string, ParquetLoadOptions, string?)"/>
/// reads only the footer (for the checker); <see cref="Read(string, ParquetLoadOptions, string?, CancellationToken)"/>
/// streams row group by row group into one contiguous float32 tensor. Every problem with the
/// file becomes a <see cref="DataException"/> naming the file as the script wrote it.</summary>
public static class ParquetDatasetReader
{
    /// <param name="displayName">How messages name the file, e.g. "\"data/x.parquet\"";
    /// defaults to the path in quotes.</param>
    public static ParquetDatasetInfo Describe(string path, ParquetLoadOptions options, string? displayName = null)
    {
        string name = displayName ?? Quote(path);
        if (Directory.Exists(path)) return ParquetParts.Describe(path, options, name);
        return Open(path, name, reader => Task.FromResult(ParquetLayout.Resolve(reader, options, name).Info));
    }

    public static ParquetDatasetInfo Describe(Stream stream, ParquetLoadOptions options, string displayName) =>
        Run(() => WithReader(stream, displayName, reader => Task.FromResult(ParquetLayout.Resolve(reader, options, displayName).Info)));

    public static TensorDataset Read(string path, ParquetLoadOptions options, string? displayName = null, CancellationToken cancellation = default)
    {
        string name = displayName ?? Quote(path);
        if (Directory.Exists(path)) return ParquetParts.Read(path, options, name, cancellation);
        return Open(path, name, reader => ReadAsync(reader, options, name, cancellation));
    }

    public static TensorDataset Read(Stream stream, ParquetLoadOptions options, string displayName, CancellationToken cancellation = default) =>
        Run(() => WithReader(stream, displayName, reader => ReadAsync(reader, options, displayName, cancellation)));

    /// <summary>The file's key-value metadata, or null when it cannot be read.</summary>
    public static IReadOnlyDictionary<string, string>? TryReadMetadata(string path)
    {
        try
        {
            return Open(path, Quote(path), reader => Task.FromResult<IReadOnlyDictionary<string, string>>(
                new Dictionary<string, string>(reader.CustomMetadata ?? new())));
        }
        catch (DataException)
        {
            return null;
        }
    }

    internal static string Quote(string path) => $"\"{path}\"";

    internal static T Open<T>(string path, string name, Func<ParquetReader, Task<T>> action)
    {
        if (!File.Exists(path))
            throw new DataException($"{name} does not exist" + (Path.IsPathRooted(name.Trim('"')) ? "" : " (a relative path starts from the script's folder)"));
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot open {name}: {e.Message}", e);
        }
        using (stream) return Run(() => WithReader(stream, name, action));
    }

    internal static T Run<T>(Func<Task<T>> work) => Blocking.Run(work);

    static async Task<T> WithReader<T>(Stream stream, string name, Func<ParquetReader, Task<T>> action)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true);
        }
        catch (Exception e) when (e is not DataException and not OperationCanceledException)
        {
            throw Corrupt(name, e);
        }
        await using (reader)
        {
            try
            {
                return await action(reader);
            }
            catch (Exception e) when (e is not DataException and not OperationCanceledException)
            {
                throw Corrupt(name, e);
            }
        }
    }

    static DataException Corrupt(string name, Exception e) =>
        new($"{name} is not a readable Parquet file ({e.Message.Split('\n')[0].Trim().TrimEnd('.')})", e);

    static async Task<TensorDataset> ReadAsync(ParquetReader reader, ParquetLoadOptions options, string name, CancellationToken cancellation)
    {
        var layout = ParquetLayout.Resolve(reader, options, name);
        ParquetDatasetInfo info = layout.Info;
        if (info.Rows == 0) throw new DataException($"{name} has no rows");
        Tensor features = empty([info.Rows, .. info.SampleShape], dtype: ScalarType.Float32); // (N, …)
        try
        {
            Tensor labels = await ReadIntoAsync(reader, layout, features, name, cancellation);
            CheckFinite(features, name);
            return new TensorDataset(features, labels, info.Classes);
        }
        catch
        {
            features.Dispose();
            throw;
        }
    }

    /// <summary>Reads every row group of one file into <paramref name="features"/> (its rows,
    /// a view of the whole dataset's tensor) and returns the labels.</summary>
    internal static async Task<Tensor> ReadIntoAsync(ParquetReader reader, ParquetLayout layout, Tensor features, string name, CancellationToken cancellation)
    {
        ParquetDatasetInfo info = layout.Info;
        int length = checked((int)info.SampleSize);
        var labels = new LabelColumn(layout, checked((int)info.Rows), name);
        long offset = 0;
        foreach (ParquetRowGroupReader group in reader.RowGroups)
        {
            cancellation.ThrowIfCancellationRequested();
            int rows = checked((int)group.RowCount);
            if (rows == 0) continue;
            using (Tensor block = features.narrow(0, offset, rows)) // (rows, …), a view
            {
                var memory = new TensorMemory(block);
                if (layout.ImageField is { } leaf)
                    await ParquetColumnReader.ReadSamplesAsync(group, leaf, info.ImageColumn!, memory.Memory, rows, length, offset, name);
                else
                    for (int column = 0; column < layout.FeatureFields.Length; column++)
                        await ParquetColumnReader.ReadFeatureAsync(group, layout.FeatureFields[column], memory.Memory, rows, column, length, offset, name);
            }
            await labels.ReadAsync(group, offset, rows);
            offset += rows;
        }
        return labels.ToTensor();
    }

    /// <summary>NaN or infinite features poison training silently; report them up front.</summary>
    internal static void CheckFinite(Tensor features, string name)
    {
        using var scope = NewDisposeScope();
        // One pass without a mask: a finite sum means every value is finite (a sum that
        // overflows on large finite values falls through to the exact count below).
        if (float.IsFinite(features.sum().item<float>())) return;
        Tensor bad = features.isfinite().logical_not().reshape(features.shape[0], -1); // (N, D)
        long count = bad.sum().item<long>();
        if (count == 0) return;
        long nan = features.isnan().sum().item<long>();
        long row = bad.any(1).to_type(ScalarType.Int64).argmax().item<long>();
        string what = nan == count ? $"{count:N0} NaN value{(count == 1 ? "" : "s")}"
            : nan == 0 ? $"{count:N0} infinite value{(count == 1 ? "" : "s")}"
            : $"{nan:N0} NaN and {count - nan:N0} infinite values";
        throw new DataException($"the features of {name} have {what} (the first in row index {row}); clean or impute them before training");
    }
}

using System.Globalization;

namespace NetScript.Data;

/// <summary>IDX images + labels → a Parquet file with one float list per image ("image",
/// pixel values 0–255 as stored; scale them in `preprocess`) and an int64 "label" column.</summary>
internal static class IdxImporter
{
    public static ImportSummary Import(string images, string destination, ImportOptions options)
    {
        IdxFile pixels = IdxFile.Read(images);
        if (pixels.Dimensions.Length < 2)
            throw new DataException($"{images} is a one-dimensional IDX file (labels?); pass the images file first and the labels with --labels");
        string labelsPath = options.Labels ?? GuessLabels(images)
            ?? throw new DataException($"which file holds the labels of {images}? pass --labels FILE");
        if (!File.Exists(labelsPath)) throw new DataException($"the labels file {labelsPath} does not exist; pass --labels FILE");
        IdxFile labels = IdxFile.Read(labelsPath);
        if (labels.Dimensions.Length != 1)
            throw new DataException($"{labelsPath} is not an IDX labels file (it has {labels.Dimensions.Length} dimensions, labels have 1)");
        if (labels.Count != pixels.Count)
            throw new DataException($"{images} has {pixels.Count:N0} images but {labelsPath} has {labels.Count:N0} labels");

        // (N, H, W) greyscale images become [1, H, W]: channels first, as layers expect.
        long[] shape = pixels.Dimensions.Length == 3
            ? [1, pixels.Dimensions[1], pixels.Dimensions[2]]
            : pixels.Dimensions[1..].Select(d => (long)d).ToArray();
        var features = new float[pixels.Data.Length];
        for (int i = 0; i < features.Length; i++) features[i] = pixels.Data[i];
        long[] classes = labels.Data.Select(b => (long)b).ToArray();
        int classCount = (int)classes.Max() + 1;

        var metadata = new Dictionary<string, string> { [MetadataKeys.Source] = Fingerprint(images, labelsPath) };
        ParquetDatasetWriter.Write(features, shape, classes, null, classCount, destination,
            new ParquetWriteOptions { AsLists = true, RowGroupSize = options.RowGroupSize, Compress = options.Compress, Metadata = metadata });
        return new ImportSummary("IDX", pixels.Count, ["image", "label"], shape, "label", classCount, DatasetTask.Classification,
            new FileInfo(destination).Length);
    }

    /// <summary>Names, sizes and times of the source files: a cache built from them is stale
    /// when this changes.</summary>
    public static string Fingerprint(params string[] paths) => string.Join("; ", paths.Select(p =>
    {
        var file = new FileInfo(p);
        return $"{file.Name} {file.Length} {file.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture)}";
    }));

    static string? GuessLabels(string images)
    {
        string name = Path.GetFileName(images);
        if (!name.Contains("images-idx3", StringComparison.Ordinal)) return null;
        return Path.Combine(Path.GetDirectoryName(images) ?? ".", name.Replace("images-idx3", "labels-idx1", StringComparison.Ordinal));
    }
}

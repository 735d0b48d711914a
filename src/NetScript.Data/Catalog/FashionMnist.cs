namespace NetScript.Data;

/// <summary>Fashion-MNIST (Zalando; 28×28 greyscale, 10 classes, 60,000 train + 10,000 test)
/// from the Debian package <c>dataset-fashion-mnist</c>, which installs the four IDX files.
/// The first load of a split converts it to Parquet in the cache; later loads read that.</summary>
public sealed class FashionMnist(string directory, string cacheDirectory)
{
    public const string PackageName = "dataset-fashion-mnist";
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    public const int Classes = 10;

    public static readonly long[] SampleShape = [1, 28, 28];

    /// <summary>Label order of the dataset's README.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static readonly IReadOnlyList<string> Splits = ["train", "test"];

    /// <summary>Where the IDX files are read from: $NETSCRIPT_DATASETS_DIR/fashion-mnist when that
    /// variable is set (files kept elsewhere than the Debian package puts them), else
    /// <see cref="DefaultDirectory"/>.</summary>
    public static string InstalledDirectory =>
        Environment.GetEnvironmentVariable("NETSCRIPT_DATASETS_DIR") is { Length: > 0 } root
            ? Path.Combine(root, "fashion-mnist")
            : DefaultDirectory;

    /// <summary>Whether the label files of both splits are present (gzipped or not).</summary>
    public static bool IsInstalled => Splits.All(split =>
    {
        string name = (split == "train" ? "train" : "t10k") + "-labels-idx1-ubyte";
        return File.Exists(Path.Combine(InstalledDirectory, name + ".gz")) || File.Exists(Path.Combine(InstalledDirectory, name));
    });

    public static FashionMnist Default => new(InstalledDirectory, Path.Combine(DatasetCache.Root, "fashion-mnist"));

    public string Directory => directory;

    /// <summary>In the file names of the cache: a new layout gets new files, so a NetScript that
    /// reads the old ones can share the cache folder (2: uncompressed pages).</summary>
    const int CacheFormat = 2;

    public string CachePath(string split) => Path.Combine(cacheDirectory, $"{CheckSplit(split)}.v{CacheFormat}.parquet");

    /// <summary>Rows and shape from the label file's header; the package must be installed.</summary>
    public ParquetDatasetInfo Describe(string split)
    {
        var (_, labels) = Files(split);
        int rows = IdxFile.TryReadDimensions(labels)?[0] ?? throw new DataException($"{labels} is not a valid IDX labels file; reinstall {PackageName}");
        return new ParquetDatasetInfo(rows, SampleShape, Classes, DatasetTask.Classification, "label", ["image"], "image", "the catalog");
    }

    public TensorDataset Load(string split, CancellationToken cancellation = default) =>
        ParquetDatasetReader.Read(EnsureCached(split), new ParquetLoadOptions(), $"the Fashion-MNIST {split} cache", cancellation);

    /// <summary>Converts the split to Parquet unless an up-to-date copy is cached; returns its path.</summary>
    public string EnsureCached(string split)
    {
        var (images, labels) = Files(split);
        string path = CachePath(split);
        string fingerprint = IdxImporter.Fingerprint(images, labels);
        if (File.Exists(path) && ParquetDatasetReader.TryReadMetadata(path)?.GetValueOrDefault(MetadataKeys.Source) == fingerprint)
            return path;
        IdxImporter.Import(images, path, new ImportOptions { Labels = labels, Compress = false });
        return path;
    }

    (string Images, string Labels) Files(string split)
    {
        string prefix = CheckSplit(split) == "train" ? "train" : "t10k";
        string images = Find($"{prefix}-images-idx3-ubyte");
        string labels = Find($"{prefix}-labels-idx1-ubyte");
        return (images, labels);
    }

    string Find(string name)
    {
        foreach (string candidate in new[] { name + ".gz", name })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new DataException($"Fashion-MNIST is not installed: {Path.Combine(directory, name + ".gz")} is missing. "
            + $"Install the Debian package {PackageName} (it puts the files in {DefaultDirectory}): "
            + $"sudo apt-get update && sudo apt-get install -y {PackageName}");
    }

    static string CheckSplit(string split) => Splits.Contains(split)
        ? split
        : throw new DataException($"Fashion-MNIST has no split \"{split}\" (it has train and test)");
}

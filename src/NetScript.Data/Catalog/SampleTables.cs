namespace NetScript.Data;

/// <summary>The small tables shipped in the repository (data/*.parquet) and built into this
/// assembly, served by the catalog. They are generated here from fixed seeds — this code is
/// their provenance; a test regenerates them and compares (data/README.md).</summary>
public static class SampleTables
{
    /// <summary>120 points of y = 1.5·x + 0.5 + N(0, 0.3²), x ~ U(−3, 3), where every tenth
    /// point (12 in all) is a gross outlier moved by ±6 to ±10 — the case robust losses
    /// (Tukey's biweight, L1) handle and squared error does not. Regression, feature `x`,
    /// target `y`.</summary>
    public const string Outliers = "outliers";

    /// <summary>200 rows, 4 classes × 50, four features on very different scales (×1, ×10,
    /// ×100, ×0.1 with offsets) — a table where standardizing matters. Label `label`,
    /// features `f1` … `f4`.</summary>
    public const string Blobs = "blobs";

    public static IReadOnlyList<string> Names { get; } = [Outliers, Blobs];

    public static ParquetDatasetInfo Describe(string name)
    {
        using Stream stream = Open(name);
        return ParquetDatasetReader.Describe(stream, new ParquetLoadOptions(), DisplayName(name));
    }

    public static TensorDataset Load(string name)
    {
        using Stream stream = Open(name);
        return ParquetDatasetReader.Read(stream, new ParquetLoadOptions(), DisplayName(name));
    }

    /// <summary>Writes the table <paramref name="name"/> from its generator.</summary>
    public static void Generate(string name, string path)
    {
        switch (name)
        {
            case Outliers: GenerateOutliers(path); break;
            case Blobs: GenerateBlobs(path); break;
            default: throw new ArgumentException($"no sample table \"{name}\"", nameof(name));
        }
    }

    static Stream Open(string name) =>
        typeof(SampleTables).Assembly.GetManifestResourceStream($"NetScript.Data.Samples.{name}.parquet")
        ?? throw new DataException($"the sample table \"{name}\" is not built into NetScript.Data (data/{name}.parquet is missing)");

    static string DisplayName(string name) => $"the catalog's \"{name}\"";

    static void GenerateOutliers(string path)
    {
        const int rows = 120;
        var random = new SeededRandom(1301);
        var x = new float[rows];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double xi = -3 + 6 * random.NextDouble();
            double yi = 1.5 * xi + 0.5 + 0.3 * random.NextGaussian();
            if (i % 10 == 3) yi += (random.NextDouble() < 0.5 ? -1 : 1) * (6 + 4 * random.NextDouble());
            x[i] = (float)xi;
            y[i] = (float)yi;
        }
        ParquetDatasetWriter.Write(x, [1], null, y, 0, path, new ParquetWriteOptions { Label = "y", FeatureNames = ["x"] });
    }

    static void GenerateBlobs(string path)
    {
        const int classes = 4, perClass = 50, features = 4;
        double[] scale = [1, 10, 100, 0.1];
        double[] offset = [0, 50, -200, 3];
        var random = new SeededRandom(2207);
        var centers = new double[classes, features];
        for (int k = 0; k < classes; k++)
            for (int j = 0; j < features; j++)
                centers[k, j] = 3 * random.NextGaussian();
        var order = Enumerable.Range(0, classes * perClass).ToList();
        random.Shuffle(order);
        var values = new float[order.Count * features];
        var labels = new long[order.Count];
        for (int row = 0; row < order.Count; row++)
        {
            int k = order[row] / perClass;
            labels[row] = k;
            for (int j = 0; j < features; j++)
                values[row * features + j] = (float)(offset[j] + scale[j] * (centers[k, j] + random.NextGaussian()));
        }
        ParquetDatasetWriter.Write(values, [features], labels, null, classes, path,
            new ParquetWriteOptions { FeatureNames = ["f1", "f2", "f3", "f4"] });
    }
}

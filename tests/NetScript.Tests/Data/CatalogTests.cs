using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

[Collection(TorchCollection.Name)]
public sealed class CatalogTests
{
    static string RepoData(string name) => Path.Combine(RepoPaths.Root, "data", name + ".parquet");

    [FashionMnistFact]
    public void Fashion_mnist_test_split_converts_once_and_matches_the_idx_files()
    {
        var catalog = new FashionMnist(FashionMnist.InstalledDirectory, Scripts.TempDirectory());
        var info = catalog.Describe("test");
        Assert.Equal((10_000L, 10), (info.Rows, info.Classes));

        using var data = catalog.Load("test");
        Assert.Equal([10_000L, 1, 28, 28], data.Features.shape);
        var perClass = data.LabelArray().GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => 1000), Enumerable.Range(0, 10).Select(k => perClass[k]));
        Assert.Equal(0, data.Features.min().item<float>());
        Assert.Equal(255, data.Features.max().item<float>());

        var raw = IdxFile.Read(Path.Combine(FashionMnist.InstalledDirectory, "t10k-images-idx3-ubyte.gz"));
        float[] last = data.Features[9_999].flatten().data<float>().ToArray();
        Assert.Equal(raw.Data.AsSpan(9_999 * 784, 784).ToArray().Select(b => (float)b), last);

        DateTime written = File.GetLastWriteTimeUtc(catalog.CachePath("test"));
        using (catalog.Load("test")) { }
        Assert.Equal(written, File.GetLastWriteTimeUtc(catalog.CachePath("test"))); // read from the cache
    }

    [Fact]
    public void A_missing_fashion_mnist_package_says_how_to_install_it()
    {
        var catalog = new FashionMnist(Scripts.TempDirectory(), Scripts.TempDirectory());
        var e = Assert.Throws<DataException>(() => catalog.Describe("train"));
        Assert.Contains("Fashion-MNIST is not installed", e.Message);
        Assert.EndsWith("sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Shipped_sample_tables_match_their_generators()
    {
        string directory = Scripts.TempDirectory();
        foreach (string name in SampleTables.Names)
        {
            SampleTables.Generate(name, Path.Combine(directory, name + ".parquet"));
            if (Environment.GetEnvironmentVariable("NETSCRIPT_UPDATE_GOLDEN") == "1")
                File.Copy(Path.Combine(directory, name + ".parquet"), RepoData(name), overwrite: true);
        }
        foreach (string name in SampleTables.Names)
        {
            string generated = Path.Combine(directory, name + ".parquet");
            using var fresh = ParquetDatasetReader.Read(generated, new ParquetLoadOptions());
            using var shipped = ParquetDatasetReader.Read(RepoData(name), new ParquetLoadOptions());
            using var builtIn = SampleTables.Load(name);
            foreach (var other in new[] { shipped, builtIn })
            {
                Assert.Equal(fresh.Features.data<float>().ToArray(), other.Features.data<float>().ToArray());
                Assert.Equal(fresh.Labels.to_type(ScalarType.Float64).data<double>().ToArray(), other.Labels.to_type(ScalarType.Float64).data<double>().ToArray());
                Assert.Equal(fresh.Classes, other.Classes);
            }
        }
    }

    [Fact]
    public void The_outliers_table_has_twelve_gross_outliers_around_its_line()
    {
        using var data = SampleTables.Load(SampleTables.Outliers);
        Assert.True(data.IsRegression);
        float[] x = data.Features.data<float>().ToArray();
        float[] y = data.Labels.data<float>().ToArray();
        var residuals = x.Zip(y, (xi, yi) => Math.Abs(yi - (1.5 * xi + 0.5))).ToArray();
        Assert.Equal(12, residuals.Count(r => r > 5));
        Assert.Equal(108, residuals.Count(r => r < 1.5));
    }

    [Fact]
    public void The_blobs_table_has_balanced_classes_on_very_different_scales()
    {
        using var data = SampleTables.Load(SampleTables.Blobs);
        Assert.Equal([200L, 4], data.Features.shape);
        Assert.All(data.LabelArray().GroupBy(l => l), g => Assert.Equal(50, g.Count()));
        float[] std = data.Features.std(0).data<float>().ToArray();
        Assert.True(std[2] > 100 * std[3], "feature scales should differ by orders of magnitude");
    }
}

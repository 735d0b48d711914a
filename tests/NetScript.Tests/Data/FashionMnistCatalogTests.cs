using NetScript.Data;
using Parquet;
using Parquet.Meta;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>The Fashion-MNIST catalog entry on small IDX files laid out as the Debian package
/// lays them out (gzipped, or not), so the catalog is tested on any machine.</summary>
[Collection(TorchCollection.Name)]
public sealed class FashionMnistCatalogTests
{
    const int Pixels = 28 * 28;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_split_converts_once_and_matches_its_idx_files(bool gzip)
    {
        string directory = Scripts.TempDirectory();
        byte[] images = Enumerable.Range(0, 7 * Pixels).Select(i => (byte)(i * 31 % 256)).ToArray();
        byte[] labels = [3, 0, 9, 1, 3, 7, 2];
        IdxFiles.Write(directory, "t10k-images-idx3-ubyte", [7, 28, 28], images, gzip);
        IdxFiles.Write(directory, "t10k-labels-idx1-ubyte", [7], labels, gzip);
        var catalog = new FashionMnist(directory, Scripts.TempDirectory());

        var info = catalog.Describe("test");
        Assert.Equal((7L, 10, "1,28,28"), (info.Rows, info.Classes, string.Join(",", info.SampleShape)));

        using (var data = catalog.Load("test"))
        {
            Assert.Equal([7L, 1, 28, 28], data.Features.shape);
            Assert.Equal(labels.Select(b => (long)b), data.LabelArray().Select(l => (long)l));
            Assert.Equal(images.Select(b => (float)b), data.Features.flatten().data<float>().ToArray());
        }
        DateTime written = File.GetLastWriteTimeUtc(catalog.CachePath("test"));
        using (catalog.Load("test")) { }
        Assert.Equal(written, File.GetLastWriteTimeUtc(catalog.CachePath("test")));
    }

    [Fact]
    public void The_cache_is_uncompressed_under_a_versioned_name_and_an_import_of_the_same_files_stays_compressed()
    {
        string directory = Scripts.TempDirectory();
        byte[] images = Enumerable.Range(0, 3 * Pixels).Select(i => (byte)(i % 251)).ToArray();
        IdxFiles.Write(directory, "t10k-images-idx3-ubyte", [3, 28, 28], images, gzip: true);
        IdxFiles.Write(directory, "t10k-labels-idx1-ubyte", [3], [2, 0, 9], gzip: true);
        string cache = Scripts.TempDirectory();
        File.WriteAllText(Path.Combine(cache, "test.parquet"), "a cache of an older NetScript: left alone");
        var catalog = new FashionMnist(directory, cache);

        using (var data = catalog.Load("test"))
            Assert.Equal(images.Select(b => (float)b), data.Features.flatten().data<float>().ToArray());
        Assert.EndsWith("test.v2.parquet", catalog.CachePath("test"));
        Assert.Equal([CompressionCodec.UNCOMPRESSED], Codecs(catalog.CachePath("test")));
        Assert.Equal("a cache of an older NetScript: left alone", File.ReadAllText(Path.Combine(cache, "test.parquet")));

        string imported = Path.Combine(Scripts.TempDirectory(), "t10k.parquet");
        DatasetImporter.Import(Path.Combine(directory, "t10k-images-idx3-ubyte.gz"), imported, new ImportOptions());
        Assert.Equal([CompressionCodec.SNAPPY], Codecs(imported));
    }

    static CompressionCodec[] Codecs(string path) => Task.Run(async () =>
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.RowGroups.SelectMany(g => reader.Schema.GetDataFields().Select(f => g.GetMetadata(f)!.MetaData!.Codec))
            .Distinct().ToArray();
    }).GetAwaiter().GetResult();

    [Fact]
    public void Changed_idx_files_replace_the_cached_split()
    {
        string directory = Scripts.TempDirectory();
        IdxFiles.Write(directory, "train-images-idx3-ubyte", [2, 28, 28], new byte[2 * Pixels], gzip: true);
        IdxFiles.Write(directory, "train-labels-idx1-ubyte", [2], [4, 5], gzip: true);
        var catalog = new FashionMnist(directory, Scripts.TempDirectory());
        using (catalog.Load("train")) { }

        IdxFiles.Write(directory, "train-images-idx3-ubyte", [3, 28, 28], Enumerable.Repeat((byte)9, 3 * Pixels).ToArray(), gzip: true);
        IdxFiles.Write(directory, "train-labels-idx1-ubyte", [3], [1, 1, 8], gzip: true);
        using var data = catalog.Load("train");
        Assert.Equal([1L, 1, 8], data.LabelArray().Select(l => (long)l));
        Assert.Equal(9f, data.Features.min().item<float>());
    }
}

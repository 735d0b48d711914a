using NetScript.Data;

namespace NetScript.Tests.Data;

[Collection(TorchCollection.Name)]
public sealed class ImportTests
{
    readonly string _directory = Scripts.TempDirectory();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_images_and_labels_become_an_image_table(bool gzip)
    {
        byte[] pixels = Enumerable.Range(0, 5 * 3 * 2).Select(i => (byte)(i * 8)).ToArray();
        string images = WriteIdx("train-images-idx3-ubyte", [5, 3, 2], pixels, gzip);
        WriteIdx("train-labels-idx1-ubyte", [5], [2, 0, 1, 2, 0], gzip);
        string destination = Path.Combine(_directory, "out.parquet");

        ImportSummary summary = DatasetImporter.Import(images, destination, new ImportOptions()); // labels found by name
        Assert.Equal(("IDX", 5L, 3), (summary.Format, summary.Rows, summary.Classes));
        Assert.Equal([1L, 3, 2], summary.SampleShape);

        using var data = ParquetDatasetReader.Read(destination, new ParquetLoadOptions());
        Assert.Equal([5L, 1, 3, 2], data.Features.shape);
        Assert.Equal(pixels.Select(p => (float)p), data.Features.data<float>().ToArray());
        Assert.Equal([2L, 0, 1, 2, 0], data.LabelArray());
        Assert.Equal(3, data.Classes);
    }

    [Fact]
    public void Idx_counts_must_agree()
    {
        string images = WriteIdx("a-images-idx3-ubyte", [2, 2, 2], new byte[8], gzip: false);
        string labels = WriteIdx("b-labels", [3], [0, 1, 2], gzip: false);
        var e = Assert.Throws<DataException>(() => DatasetImporter.Import(images, Path.Combine(_directory, "x.parquet"), new ImportOptions { Labels = labels }));
        Assert.Equal($"{images} has 2 images but {labels} has 3 labels", e.Message);
    }

    [Fact]
    public void Csv_columns_keep_their_types_and_text_labels_become_named_classes()
    {
        string csv = Write("pets.csv", "weight,\"height, cm\",kind\n4.5,30,dog\n3.25,25,cat\n5,41,dog\n0.5,12,\"hamster\"\n");
        string destination = Path.Combine(_directory, "pets.parquet");
        var summary = DatasetImporter.Import(csv, destination, new ImportOptions { LabelColumn = "kind" });
        Assert.Equal((4L, 3, "kind"), (summary.Rows, summary.Classes, summary.Label));

        using var data = ParquetDatasetReader.Read(destination, new ParquetLoadOptions());
        Assert.Equal([4.5f, 30, 3.25f, 25, 5, 41, 0.5f, 12], data.Features.data<float>().ToArray());
        Assert.Equal([1L, 0, 1, 2], data.LabelArray()); // cat, dog, hamster in sorted order
        Assert.Equal("[\"cat\",\"dog\",\"hamster\"]", ParquetDatasetReader.TryReadMetadata(destination)![MetadataKeys.LabelNames]);
    }

    [Fact]
    public void A_real_valued_csv_label_makes_a_regression_table()
    {
        string csv = Write("r.csv", "x;y\n1;0.5\n2;1.5\n3;NaN\n");
        string destination = Path.Combine(_directory, "r.parquet");
        Assert.Equal(DatasetTask.Regression, DatasetImporter.Import(csv, destination, new ImportOptions { LabelColumn = "y" }).Task);
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(destination, new ParquetLoadOptions(), "\"r.parquet\""));
        Assert.StartsWith("the target column `y` of \"r.parquet\" holds NaN in row index 2", e.Message);
    }

    [Fact]
    public void Empty_csv_cells_and_text_features_are_reported_when_loading()
    {
        string csv = Write("gaps.csv", "a,b,colour,y\n1,2,red,0\n3,,blue,1\n");
        string destination = Path.Combine(_directory, "gaps.parquet");
        DatasetImporter.Import(csv, destination, new ImportOptions { LabelColumn = "y" });
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(destination, new ParquetLoadOptions(), "\"gaps.parquet\""));
        Assert.Equal("the feature column `colour` of \"gaps.parquet\" holds text; features must be numbers", e.Message);
        e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(destination, new ParquetLoadOptions { Features = ["a", "b"] }, "\"gaps.parquet\""));
        Assert.StartsWith("the column `b` of \"gaps.parquet\" has 1 missing value in rows 0–1 (the first in row index 1)", e.Message);
    }

    [Fact]
    public void A_csv_row_with_the_wrong_field_count_names_its_line()
    {
        string csv = Write("bad.csv", "a,b\n1,2\n\"multi\nline\",3\n4\n");
        var e = Assert.Throws<DataException>(() => DatasetImporter.Import(csv, Path.Combine(_directory, "bad.parquet"), new ImportOptions()));
        Assert.Equal($"line 5 of {csv} has 1 fields, but the header has 2", e.Message);
    }

    string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    string WriteIdx(string name, int[] dimensions, byte[] data, bool gzip) => IdxFiles.Write(_directory, name, dimensions, data, gzip);
}

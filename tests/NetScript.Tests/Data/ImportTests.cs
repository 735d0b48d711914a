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
        string csv = Write("r.csv", "x;y\n1;0.5\n2;1.5\n3;-2\n");
        string destination = Path.Combine(_directory, "r.parquet");
        Assert.Equal(DatasetTask.Regression, DatasetImporter.Import(csv, destination, new ImportOptions { LabelColumn = "y" }).Task);
        using var data = ParquetDatasetReader.Read(destination, new ParquetLoadOptions());
        Assert.Equal([0.5f, 1.5f, -2f], data.Labels.data<float>().ToArray());
    }

    /// <summary>Import refuses what `load` could not read, with the CSV line and column, and
    /// writes nothing.</summary>
    [Theory]
    [InlineData("a,b,y\n1,2,0\n3,abc,1\n", "line 3, column 2 (`b`) of {0}: `abc` is not a number")]
    [InlineData("a,b,y\n1,NaN,0\n", "line 2, column 2 (`b`) of {0}: missing value `NaN`; fill it in, or add missing=skip to leave out rows with missing values")]
    [InlineData("a,b,y\n1,Infinity,0\n", "line 2, column 2 (`b`) of {0}: `Infinity` is not a finite number (float32 features must be finite)")]
    [InlineData("a;b;y\n1,5;2,25;0\n", "line 2, column 1 (`a`) of {0}: `1,5` is not a number (NetScript reads numbers with a decimal point, not a comma)")]
    [InlineData("a,b,colour,y\n1,2,red,0\n", "line 2, column 3 (`colour`) of {0}: `red` is not a number")]
    [InlineData("a,b,y\n", "{0} has a header but no rows")]
    [InlineData("a,b\n1,2\n\"multi\nline\",3\n4\n", "line 3, column 1 (`a`) of {0}: `multi\nline` is not a number")]
    [InlineData("a,b\n1,2\n4\n", "line 3 of {0} has 1 field, but the header has 2")]
    public void Csv_cells_load_could_not_read_are_refused_with_line_and_column(string text, string message)
    {
        string csv = Write("bad.csv", text);
        string destination = Path.Combine(_directory, "bad.parquet");
        var e = Assert.Throws<DataException>(() => DatasetImporter.Import(csv, destination, new ImportOptions { LabelColumn = text.Contains('y') ? "y" : null }));
        Assert.Equal(string.Format(message, csv), e.Message);
        Assert.False(File.Exists(destination));
    }

    string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    string WriteIdx(string name, int[] dimensions, byte[] data, bool gzip) => IdxFiles.Write(_directory, name, dimensions, data, gzip);
}

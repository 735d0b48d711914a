using NetScript.Data;

namespace NetScript.Tests.Data;

/// <summary>Bad data gets a message that names the file, the column and the row.</summary>
[Collection(TorchCollection.Name)]
public sealed class ParquetErrorTests
{
    readonly string _directory = Scripts.TempDirectory();

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(Path.Combine(_directory, "nope.parquet"), new(), "\"nope.parquet\""));
        Assert.StartsWith("\"nope.parquet\" does not exist", e.Message);
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns()
    {
        string path = ParquetFiles.Table(_directory, "t.parquet", 2, TableColumn.Floats("a", new float[] { 1, 2 }), TableColumn.Longs("b", [0, 1]));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(path, new() { Label = "y" }, "\"t.parquet\""));
        Assert.Equal("\"t.parquet\" has no label column `y` (its columns: `a`, `b`)", e.Message);
        e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(path, new(), "\"t.parquet\""));
        Assert.StartsWith("\"t.parquet\" does not say which column holds the labels; add label=COLUMN", e.Message);
    }

    [Fact]
    public void A_text_feature_is_rejected_before_reading()
    {
        string path = ParquetFiles.Table(_directory, "t.parquet", 2, TableColumn.Texts("colour", ["red", "blue"]), TableColumn.Longs("y", [0, 1]));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(path, new() { Label = "y" }, "\"t.parquet\""));
        Assert.Equal("the feature column `colour` of \"t.parquet\" holds text; features must be numbers", e.Message);
    }

    [Fact]
    public void NaN_features_are_counted_and_the_first_row_named()
    {
        float nan = float.NaN;
        string path = ParquetFiles.Table(_directory, "t.parquet", 6,
            TableColumn.Floats("a", new[] { 1, 2, 3, nan, 5, nan }),
            TableColumn.Floats("b", new[] { 1, 2, 3, 4, nan, 6 }),
            TableColumn.Longs("y", [0, 1, 0, 1, 0, 1]));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(path, new() { Label = "y" }, "\"t.parquet\""));
        Assert.Equal("the features of \"t.parquet\" have 3 NaN values (the first in row index 3); clean or impute them before training", e.Message);
    }

    [Fact]
    public void Missing_values_name_the_column_and_row()
    {
        string path = ParquetFiles.Table(_directory, "t.parquet", 6,
            TableColumn.Floats("a", new float[] { 1, 2, 3, 4, 5, 6 }, missing: [false, false, false, false, false, true]),
            TableColumn.Longs("y", [0, 1, 0, 1, 0, 1]));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(path, new() { Label = "y" }, "\"t.parquet\""));
        Assert.StartsWith("the column `a` of \"t.parquet\" has 1 missing value in rows 4–5 (the first in row index 5)", e.Message);
    }

    [Fact]
    public void Ragged_image_lists_are_reported_from_the_footer_or_with_their_row()
    {
        string footer = ParquetFiles.Lists(_directory, "ragged.parquet", [4, 4, 3, 4]);
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(footer, new() { Label = "label", Classes = 1 }, "\"ragged.parquet\""));
        Assert.Equal("the rows of the list column `image` of \"ragged.parquet\" have different lengths; every sample must have the same number of values", e.Message);

        // Same total as four rows of four: only reading the levels shows which row is off.
        string hidden = ParquetFiles.Lists(_directory, "hidden.parquet", [4, 5, 3, 4]);
        e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(hidden, new() { Label = "label", Classes = 1 }, "\"hidden.parquet\""));
        Assert.StartsWith("row index 1 of the list column `image` of \"hidden.parquet\" has 5 values, but samples have 4", e.Message);
    }

    [Fact]
    public void Labels_outside_the_class_range_name_their_row()
    {
        string path = ParquetFiles.Table(_directory, "t.parquet", 3, TableColumn.Floats("a", new float[] { 1, 2, 3 }), TableColumn.Longs("y", [0, 1, 5]));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(path, new() { Label = "y", Classes = 3 }, "\"t.parquet\""));
        Assert.Equal("row index 2 of \"t.parquet\" has the label 5, but class labels must be whole numbers 0 … 2 (3 classes, from the `classes` argument)", e.Message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void A_corrupt_file_is_reported_as_unreadable(string kind)
    {
        string good = ParquetFiles.Table(_directory, "good.parquet", 3, TableColumn.Floats("a", new float[] { 1, 2, 3 }), TableColumn.Longs("y", [0, 1, 2]));
        byte[] bytes = File.ReadAllBytes(good);
        string path = Path.Combine(_directory, kind + ".parquet");
        File.WriteAllBytes(path, kind switch
        {
            "garbage" => Enumerable.Range(0, 200).Select(i => (byte)(i * 37)).ToArray(),
            "truncated" => bytes[..(bytes.Length / 2)],
            _ => [],
        });
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(path, new() { Label = "y" }, "\"bad.parquet\""));
        Assert.StartsWith("\"bad.parquet\" is not a readable Parquet file (", e.Message);
    }

    [Fact]
    public void A_corrupt_data_page_is_reported_when_reading()
    {
        string good = ParquetFiles.Table(_directory, "good.parquet", 3, TableColumn.Floats("a", new float[] { 1, 2, 3 }), TableColumn.Longs("y", [0, 1, 2]));
        byte[] bytes = File.ReadAllBytes(good);
        for (int i = 4; i < 40; i++) bytes[i] ^= 0x5A; // the first page header and data; the footer stays intact
        string path = Path.Combine(_directory, "pages.parquet");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Read(path, new() { Label = "y" }, "\"pages.parquet\""));
        Assert.StartsWith("\"pages.parquet\" is not a readable Parquet file (", e.Message);
    }
}

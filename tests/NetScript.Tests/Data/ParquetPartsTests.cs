using NetScript.Data;

namespace NetScript.Tests.Data;

/// <summary>Parquet as other tools write it: several row groups per file, a folder of part
/// files (Spark, pandas), and a selection of columns that leaves the others unread.</summary>
[Collection(TorchCollection.Name)]
public sealed class ParquetPartsTests
{
    readonly string _directory = Scripts.TempDirectory();

    static float[] X(int from, int count) => Enumerable.Range(from, count).Select(i => i * 0.5f).ToArray();

    static long[] Y(int from, int count) => Enumerable.Range(from, count).Select(i => (long)(i % 3)).ToArray();

    [Fact]
    public void A_file_of_several_row_groups_reads_every_row_in_order()
    {
        // rowGroupSize 4: 11 rows make groups of 4, 4 and 3.
        string path = ParquetFiles.Table(_directory, "g.parquet", 11, TableColumn.Floats("x", X(0, 11)), TableColumn.Longs("y", Y(0, 11)));
        using var data = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Label = "y" });
        Assert.Equal(X(0, 11), data.Features.data<float>().ToArray());
        Assert.Equal(Y(0, 11), data.LabelArray());
    }

    [Fact]
    public void A_folder_of_part_files_is_one_dataset_in_file_name_order()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_directory, "parts")).FullName;
        ParquetFiles.Table(folder, "part-00001.parquet", 6, TableColumn.Floats("x", X(5, 6)), TableColumn.Longs("y", Y(5, 6)));
        ParquetFiles.Table(folder, "part-00000.parquet", 5, TableColumn.Floats("x", X(0, 5)), TableColumn.Longs("y", Y(0, 5)));
        File.WriteAllText(Path.Combine(folder, "_SUCCESS"), "");
        File.WriteAllText(Path.Combine(folder, ".part-00000.parquet.crc"), "not parquet");

        var info = ParquetDatasetReader.Describe(folder, new ParquetLoadOptions { Label = "y" });
        Assert.Equal((11L, 3), (info.Rows, info.Classes));
        using var data = ParquetDatasetReader.Read(folder, new ParquetLoadOptions { Label = "y" });
        Assert.Equal(X(0, 11), data.Features.data<float>().ToArray());
        Assert.Equal(Y(0, 11), data.LabelArray());
    }

    [Fact]
    public void Parts_that_disagree_are_named()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_directory, "mixed")).FullName;
        ParquetFiles.Table(folder, "a.parquet", 2, TableColumn.Floats("x", X(0, 2)), TableColumn.Longs("y", Y(0, 2)));
        ParquetFiles.Table(folder, "b.parquet", 2, TableColumn.Floats("x", X(0, 2)), TableColumn.Floats("z", X(0, 2)), TableColumn.Longs("y", Y(0, 2)));
        var e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(folder, new ParquetLoadOptions { Label = "y" }, "\"mixed\""));
        Assert.Equal("the parts of \"mixed\" differ: \"mixed/b.parquet\" has samples of shape [2], but \"mixed/a.parquet\" has [1]", e.Message);
        Directory.CreateDirectory(Path.Combine(_directory, "none"));
        e = Assert.Throws<DataException>(() => ParquetDatasetReader.Describe(Path.Combine(_directory, "none"), new ParquetLoadOptions(), "\"none\""));
        Assert.Equal("\"none\" is a folder without Parquet part files (*.parquet)", e.Message);
    }

    [Fact]
    public void Selected_columns_are_the_only_ones_read()
    {
        // `bad` holds NaN and `note` text: either would fail if it were read as a feature.
        float[] bad = [float.NaN, 1, 2, 3, 4];
        string path = ParquetFiles.Table(_directory, "sel.parquet", 5, TableColumn.Floats("bad", bad), TableColumn.Texts("note", ["a", "b", "c", "d", "e"]),
            TableColumn.Floats("x", X(0, 5)), TableColumn.Floats("w", X(10, 5)), TableColumn.Longs("y", Y(0, 5)));
        using var data = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Label = "y", Features = ["w", "x"] });
        Assert.Equal(X(10, 5).Zip(X(0, 5)).SelectMany(p => new[] { p.First, p.Second }), data.Features.data<float>().ToArray());
    }
}

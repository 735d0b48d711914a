using NetScript.Data;
using NetScript.Runtime.Recording;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>The one results-table writer: every commit appends a row group and leaves a
/// complete file, and memory holds only the rows since the last commit.</summary>
public sealed class RecordTableTests
{
    static RecordTable Table(string path) =>
        new(path, new("step", Integer), new("loss", Real), new("ratio", OptionalReal), new("layer", Text));

    [Fact]
    public void Each_commit_appends_a_row_group_and_leaves_a_readable_file()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "t.parquet");
        var table = Table(path);
        table.Commit();
        Assert.Empty((long[])ParquetTableReader.Read(path)["step"]); // the columns exist before any row

        table.Add(1L, 0.5, null, "dense1");
        table.Add(2L, 0.25, 0.125, "dense2");
        table.Commit();
        Assert.Equal(0, table.Pending);
        Assert.Equal([1L, 2L], (long[])ParquetTableReader.Read(path)["step"]);

        table.Add(3L, 0.125, 1.0, "dense1");
        table.Commit();
        var read = ParquetTableReader.Read(path);
        Assert.Equal([1L, 2L, 3L], (long[])read["step"]);
        Assert.Equal([0.5, 0.25, 0.125], (double[])read["loss"]);
        Assert.Equal([null, 0.125, 1.0], (double?[])read["ratio"]);
        Assert.Equal(["dense1", "dense2", "dense1"], ((string?[])read["layer"]).Select(v => v ?? "(null)"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void A_new_writer_appends_to_the_file_an_earlier_one_left()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "t.parquet");
        var first = Table(path);
        first.Add(1L, 1.0, null, "a");
        first.Commit();
        var second = Table(path);
        second.Add(2L, 2.0, null, "b");
        second.Commit();
        Assert.Equal([1L, 2L], (long[])ParquetTableReader.Read(path)["step"]);
    }
}

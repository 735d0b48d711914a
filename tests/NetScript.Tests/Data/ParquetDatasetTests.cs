using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

[Collection(TorchCollection.Name)]
public sealed class ParquetDatasetTests
{
    readonly string _directory = Scripts.TempDirectory();

    [Fact]
    public void Images_round_trip_through_several_row_groups_and_describe_themselves()
    {
        using var data = Images(rows: 25, seed: 1);
        string path = Path.Combine(_directory, "images.parquet");
        ParquetDatasetWriter.Write(data, path, new ParquetWriteOptions { RowGroupSize = 10 });

        ParquetDatasetInfo info = ParquetDatasetReader.Describe(path, new ParquetLoadOptions());
        Assert.Equal(25, info.Rows);
        Assert.Equal([1L, 4, 3], info.SampleShape);
        Assert.Equal(5, info.Classes);
        Assert.Equal("image", info.ImageColumn);
        Assert.Equal("label", info.Label);

        using var read = ParquetDatasetReader.Read(path, new ParquetLoadOptions());
        Assert.Equal(data.Features.shape, read.Features.shape);
        Assert.Equal(data.Features.data<float>().ToArray(), read.Features.data<float>().ToArray());
        Assert.Equal(data.LabelArray(), read.LabelArray());
    }

    [Fact]
    public void A_table_round_trips_and_a_shape_argument_reshapes_its_columns()
    {
        using var data = TensorDataset.FromArrays(Enumerable.Range(0, 24).Select(i => i * 0.5f).ToArray(), [4], [0, 1, 2, 0, 1, 2], 3);
        string path = Path.Combine(_directory, "table.parquet");
        ParquetDatasetWriter.Write(data, path, new ParquetWriteOptions { FeatureNames = ["a", "b", "c", "d"], RowGroupSize = 4 });

        var info = ParquetDatasetReader.Describe(path, new ParquetLoadOptions());
        Assert.Equal(["a", "b", "c", "d"], info.Features);
        Assert.Null(info.ImageColumn);
        using var read = ParquetDatasetReader.Read(path, new ParquetLoadOptions());
        Assert.Equal(data.Features.data<float>().ToArray(), read.Features.data<float>().ToArray());

        using var picked = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Features = ["d", "a"], Shape = [1, 2] });
        Assert.Equal([6L, 1, 2], picked.Features.shape);
        Assert.Equal([1.5f, 0f, 3.5f, 2f], picked.Features.flatten().data<float>().ToArray()[..4]);
    }

    [Fact]
    public void Without_metadata_the_class_count_comes_from_the_label_statistics_and_integer_columns_convert()
    {
        string path = ParquetFiles.Table(_directory, "plain.parquet", 6,
            TableColumn.Longs("size", [1, 2, 3, 4, 5, 6]),
            TableColumn.Floats("weight", new float[] { 0.5f, 1, 1.5f, 2, 2.5f, 3 }),
            TableColumn.Longs("kind", [0, 3, 1, 3, 2, 0]));
        var options = new ParquetLoadOptions { Label = "kind" };

        var info = ParquetDatasetReader.Describe(path, options);
        Assert.Equal(4, info.Classes);
        Assert.Equal("the label column's statistics", info.ClassesFrom);
        Assert.Equal(7, ParquetDatasetReader.Describe(path, options with { Classes = 7 }).Classes);

        using var read = ParquetDatasetReader.Read(path, options);
        Assert.Equal([1f, 0.5f, 2, 1, 3, 1.5f], read.Features.data<float>().ToArray()[..6]);
        Assert.Equal([0L, 3, 1, 3, 2, 0], read.LabelArray());
    }

    [Fact]
    public void Regression_targets_are_read_as_float_and_text_labels_as_sorted_classes()
    {
        string path = ParquetFiles.Table(_directory, "mixed.parquet", 3,
            TableColumn.Floats("x", new float[] { 1, 2, 3 }),
            TableColumn.Floats("y", new float[] { 0.25f, -1, 7 }),
            TableColumn.Texts("species", ["setosa", "virginica", "setosa"]));

        using var regression = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Label = "y", Features = ["x"], Task = DatasetTask.Regression });
        Assert.True(regression.IsRegression);
        Assert.Equal([0.25f, -1, 7], regression.Labels.data<float>().ToArray());

        using var classes = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Label = "species", Features = ["x", "y"], Classes = 2 });
        Assert.Equal([0L, 1, 0], classes.LabelArray());
    }

    static TensorDataset Images(int rows, long seed)
    {
        var random = new SeededRandom(seed);
        var pixels = Enumerable.Range(0, rows * 12).Select(_ => (float)random.NextInt(256)).ToArray();
        var labels = Enumerable.Range(0, rows).Select(i => (long)(i % 5)).ToArray();
        return TensorDataset.FromArrays(pixels, [1, 4, 3], labels, 5);
    }
}

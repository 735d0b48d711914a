using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>`load csv`: RFC 4180 fields, column selection, labels, and every bad cell reported
/// with its line and column, when describing (the checker) as when reading.</summary>
[Collection(TorchCollection.Name)]
public sealed class CsvLoadTests
{
    readonly string _directory = Scripts.TempDirectory();

    [Fact]
    public void Quoted_fields_hold_delimiters_quotes_and_line_breaks()
    {
        string csv = Write("q.csv", "\"a, first\",b,\"the \"\"kind\"\"\"\r\n1.5,2,\"big,\r\nred\"\r\n-3,4e1,small\r\n");
        var options = new CsvLoadOptions { Label = "the \"kind\"" };
        var info = CsvDatasetReader.Describe(csv, options, "\"q.csv\"");
        Assert.Equal((2L, 2, "a, first|b"), (info.Rows, info.Classes, string.Join("|", info.Features)));
        using var data = CsvDatasetReader.Read(csv, options);
        Assert.Equal([1.5f, 2, -3, 40], data.Features.data<float>().ToArray());
        Assert.Equal([0L, 1], data.LabelArray()); // "big,\r\nred" < "small"
    }

    [Fact]
    public void Named_features_are_read_in_their_order_and_other_columns_are_ignored()
    {
        string csv = Write("s.csv", "x,note,y,label\n1,anything,10,2\n3,\"text, here\",30,0\n");
        using var data = CsvDatasetReader.Read(csv, new CsvLoadOptions { Label = "label", Features = ["y", "x"] });
        Assert.Equal([10f, 1, 30, 3], data.Features.data<float>().ToArray());
        Assert.Equal([2L, 0], data.LabelArray());
        Assert.Equal(3, data.Classes);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void Semicolon_and_tab_files_are_read_with_the_delimiter_given_or_found(char delimiter)
    {
        string csv = Write("d.csv", $"x{delimiter}label\n0.25{delimiter}1\n-1{delimiter}0\n");
        foreach (char? given in new char?[] { delimiter, null })
        {
            using var data = CsvDatasetReader.Read(csv, new CsvLoadOptions { Label = "label", Delimiter = given });
            Assert.Equal([0.25f, -1], data.Features.data<float>().ToArray());
        }
    }

    [Fact]
    public void Regression_targets_are_real_numbers()
    {
        string csv = Write("r.csv", "x,y\n1,0.5\n2,-1.25\n");
        using var data = CsvDatasetReader.Read(csv, new CsvLoadOptions { Label = "y", Task = DatasetTask.Regression });
        Assert.True(data.IsRegression);
        Assert.Equal([0.5f, -1.25f], data.Labels.data<float>().ToArray());
    }

    [Theory]
    [InlineData("x,y,label\n1,2,0\n3,abc,1\n", "line 3, column 2 (`y`) of \"t.csv\": `abc` is not a number")]
    [InlineData("x,y,label\n1,2,0\n3,inf,1\n", "line 3, column 2 (`y`) of \"t.csv\": `inf` is not a number")]
    [InlineData("x,y,label\n1,2,0\n3,-Infinity,1\n", "line 3, column 2 (`y`) of \"t.csv\": `-Infinity` is not a finite number (float32 features must be finite)")]
    [InlineData("x,y,label\n1,1e39,0\n", "line 2, column 2 (`y`) of \"t.csv\": `1e39` is not a finite number (float32 features must be finite)")]
    [InlineData("x,y,label\n1,NaN,0\n", "line 2, column 2 (`y`) of \"t.csv\": missing value `NaN`; fill it in, or add missing=skip to leave out rows with missing values")]
    [InlineData("x,y,label\n1,,0\n", "line 2, column 2 (`y`) of \"t.csv\": missing value; fill it in, or add missing=skip to leave out rows with missing values")]
    [InlineData("x,y,label\n1,2,\n", "line 2, column 3 (`label`) of \"t.csv\": missing label; fill it in, or add missing=skip to leave out rows with missing values")]
    [InlineData("x,y,label\n1,2,0.5\n", "line 2, column 3 (`label`) of \"t.csv\": the label `0.5` is not a class index (0, 1, 2, …); for real-valued targets add task=regression")]
    [InlineData("x,y,label\n1,2,0\n\"3\",4\n", "line 3 of \"t.csv\" has 2 fields, but the header has 3")]
    [InlineData("x,y,label\n", "\"t.csv\" has a header but no rows")]
    [InlineData("", "\"t.csv\" is empty; a CSV file needs a header line")]
    [InlineData("x,y,label\n1,\"2,0\n", "\"t.csv\" ends inside a quoted field that starts on line 2")]
    [InlineData("x;y;label\n1,5;2;0\n", "line 2, column 1 (`x`) of \"t.csv\": `1,5` is not a number (NetScript reads numbers with a decimal point, not a comma)")]
    public void Bad_cells_are_named_by_line_and_column(string text, string message)
    {
        string csv = Write("t.csv", text);
        var options = new CsvLoadOptions { Label = "label" };
        Assert.Equal(message, Assert.Throws<DataException>(() => CsvDatasetReader.Describe(csv, options, "\"t.csv\"")).Message);
        Assert.Equal(message, Assert.Throws<DataException>(() => CsvDatasetReader.Read(csv, options, "\"t.csv\"")).Message);
    }

    [Fact]
    public void Long_cells_are_cut_in_messages()
    {
        string csv = Write("long.csv", "x,label\n" + new string('9', 5_000) + "x,0\n");
        var e = Assert.Throws<DataException>(() => CsvDatasetReader.Read(csv, new CsvLoadOptions { Label = "label" }, "\"long.csv\""));
        Assert.Equal("line 2, column 1 (`x`) of \"long.csv\": `" + new string('9', 37) + "…` is not a number", e.Message);
    }

    [Fact]
    public void Missing_skip_leaves_out_rows_with_a_missing_value()
    {
        string csv = Write("m.csv", "x,y,label\n1,2,0\n3,,1\nNA,5,1\n6,7,\n8,9,1\n");
        var options = new CsvLoadOptions { Label = "label", Missing = CsvMissing.Skip };
        Assert.Equal(2L, CsvDatasetReader.Describe(csv, options).Rows);
        using var data = CsvDatasetReader.Read(csv, options);
        Assert.Equal([1f, 2, 8, 9], data.Features.data<float>().ToArray());
        Assert.Equal([0L, 1], data.LabelArray());
    }

    [Fact]
    public void Classes_may_be_given_and_labels_must_stay_below_them()
    {
        string csv = Write("c.csv", "x,label\n1,0\n2,4\n");
        Assert.Equal(7, CsvDatasetReader.Describe(csv, new CsvLoadOptions { Label = "label", Classes = 7 }).Classes);
        var e = Assert.Throws<DataException>(() => CsvDatasetReader.Describe(csv, new CsvLoadOptions { Label = "label", Classes = 3 }, "\"c.csv\""));
        Assert.Equal("line 3, column 2 (`label`) of \"c.csv\": the label 4 is not below classes=3", e.Message);
    }

    string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}

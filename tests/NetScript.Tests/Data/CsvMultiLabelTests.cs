using System.Globalization;
using System.Text;
using NetScript.Data;
using NetScript.Runtime.Events;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>`load csv … labels=[a, b]`: several 0/1 label columns become one 0/1 target per
/// column (multi-label data), which the multi-label losses train on; the checker wants one of
/// `label=` and `labels=`, and a cell that is not 0 or 1 is named by line and column.</summary>
[Collection(TorchCollection.Name)]
public sealed class CsvMultiLabelTests
{
    readonly string _directory = Scripts.TempDirectory();

    [Fact]
    public void Label_columns_become_a_zero_one_target_per_column()
    {
        string csv = Write("m.csv", "x,a,y,b\n0.5,1,2,0\n-1,0,3,1\n2,true,-1,False\n");
        var options = new CsvLoadOptions { Labels = ["a", "b"] };
        var info = CsvDatasetReader.Describe(csv, options, "\"m.csv\"");
        Assert.Equal((3L, 0, 2, "x|y"), (info.Rows, info.Classes, info.Targets, string.Join("|", info.Features)));
        using var data = CsvDatasetReader.Read(csv, options);
        Assert.Equal([0.5f, 2, -1, 3, 2, -1], data.Features.data<float>().ToArray());
        Assert.Equal(new long[] { 3, 2 }, data.Labels.shape);
        Assert.Equal([1f, 0, 0, 1, 1, 0], data.Labels.data<float>().ToArray());
    }

    [Fact]
    public void A_label_cell_that_is_not_zero_or_one_is_named()
    {
        string csv = Write("bad.csv", "x,a,b\n1,0,1\n2,2,0\n");
        var error = Assert.Throws<DataException>(() => CsvDatasetReader.Describe(csv, new CsvLoadOptions { Labels = ["a", "b"] }, "\"bad.csv\""));
        Assert.Equal("line 3, column 2 (`a`) of \"bad.csv\": `2` is not a 0/1 label (a label column of a multi-label file holds 0 or 1)", error.Message);
    }

    [Theory]
    [InlineData("load csv \"m.csv\" as d", "NS0204", "`load csv` needs `label`")]
    [InlineData("load csv \"m.csv\" label=a labels=[a, b] as d", "NS0607", "`label` does not apply to several 0/1 label columns")]
    [InlineData("load csv \"m.csv\" labels=[a, b] classes=2 as d", "NS0607", "`classes` does not apply")]
    [InlineData("load csv \"m.csv\" labels=[a, a] as d", "NS0203", "a non-empty list of distinct columns")]
    public void The_checker_wants_label_or_labels(string load, string id, string message)
    {
        Write("m.csv", "x,a,b\n1,0,1\n");
        var compilation = Language.Semantics.CheckerGoldenTests.Check(load + "\n", Path.Combine(_directory, "test.nns"));
        var error = Assert.Single(compilation.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_multi_label_model_learns_each_attribute()
    {
        // Two attributes of a 2-D point that can hold together: a = x > 0, b = y > 0.
        var random = new Random(5);
        var text = new StringBuilder("x,y,a,b\n");
        for (int i = 0; i < 300; i++)
        {
            double x = random.NextDouble() * 2 - 1, y = random.NextDouble() * 2 - 1;
            text.Append(CultureInfo.InvariantCulture, $"{x:0.####},{y:0.####},{(x > 0 ? 1 : 0)},{(y > 0 ? 1 : 0)}\n");
        }
        Write("points.csv", text.ToString());
        var (result, events) = Scripts.Run("""
            seed 1
            threads 1
            load csv "points.csv" labels=[a, b] as d
            model m { dense 16 -> relu; dense 2 }
            optimizer adam lr=0.05
            train m on d epochs=20 batch=32 loss=multilabel_logistic
            """, path: Path.Combine(_directory, "multi.nns"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var last = events.Of<EpochCompleted>().Last();
        Assert.True(last.Train.Accuracy > 0.95, $"per-label accuracy {last.Train.Accuracy}");
    }

    string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}

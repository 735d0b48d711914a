using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Semantics;

/// <summary>Where row counts are known at check time, `check` finds what training would: an
/// empty dataset (NS0740, NS0741), a warmup as long as the training (NS0723), one class (NS0520);
/// and relative paths start from the script's folder.</summary>
public sealed class RowCountTests
{
    /// <summary>Every dataset has 2 features and the given classes; Parquet files the given
    /// rows, catalog datasets 30.</summary>
    sealed class FixedResolver(int classes, long rows) : IDatasetResolver
    {
        public DatasetInfo? Describe(DataSourceSpec source, out string? error)
        {
            error = null;
            return new DatasetInfo(Shape.Of(2), classes, source is ParquetSource ? rows : 30);
        }
    }

    static Compilation Check(string text, int classes, long rows) =>
        Compilation.Create(SourceText.From(text, "rows.nns"), new CompilationOptions(new FixedResolver(classes, rows)));

    [Theory]
    [InlineData("train m on d", "`d` has no rows, so it cannot be trained on")]
    [InlineData("train m on e validate=d", "`d` has no rows, so it cannot be validated on")]
    public void An_empty_dataset_cannot_be_trained_or_validated_on(string train, string message)
    {
        var compilation = Check("load parquet \"d.parquet\" as d\nload dataset \"spiral\" as e\nmodel m { dense 3 }\n" + train + "\n", 3, 0);
        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(("NS0741", message), (error.Id, error.Message));
    }

    [Fact]
    public void An_empty_dataset_cannot_be_evaluated_on()
    {
        var compilation = Check("load dataset \"spiral\" as e\nmodel m { dense 3 }\ntrain m on e\nload parquet \"d.parquet\" as d\nevaluate m on d\n", 3, 0);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "NS0741" && d.Message.EndsWith("cannot be evaluated on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_split_part_without_rows_names_the_fraction_it_needs()
    {
        var compilation = Check("load dataset \"spiral\" as d\nsplit d into train=0.99999 val=0.00001\n", 3, 0);
        var error = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("NS0740", "`val` would get 0 of the 30 rows of `d`; give it a fraction of at least 0.0333"), (error.Id, error.Message));
    }

    [Fact]
    public void A_single_class_warns()
    {
        var compilation = Check("load dataset \"spiral\" as d\nmodel m { dense 1 }\ntrain m on d\n", 1, 0);
        var warning = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("NS0520", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.NotNull(compilation.Program);
    }

    [Theory]
    [InlineData(30, 32, 1, "5 epochs", 5, false)] // 1 update per epoch: warmup 5 = all 5
    [InlineData(30, 32, 1, "4 epochs", 5, true)]
    [InlineData(30, 8, 1, "19 steps", 5, true)] // 4 updates per epoch, 20 in all
    [InlineData(30, 8, 1, "20 steps", 5, false)]
    [InlineData(30, 8, 3, "2 steps", 1, false)] // 4 mini-batches, accumulated 3 at a time: 2 updates
    public void A_warmup_must_end_before_the_training_does(long rows, int batch, int accumulate, string warmup, int epochs, bool ok)
    {
        var compilation = Check($"load parquet \"d.parquet\" as d\nmodel m {{ dense 3 }}\nschedule cosine warmup={warmup}\ntrain m on d epochs={epochs} batch={batch} accumulate={accumulate}\n", 3, rows);
        Assert.Equal(ok, !compilation.HasErrors);
        if (!ok) Assert.Equal("NS0723", Assert.Single(compilation.Diagnostics).Id);
    }

    [Fact]
    public void The_checker_sizes_split_parts_as_the_splitter_does()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            int count = random.Next(1, 500);
            double[] fractions = Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.NextDouble() + 0.001).ToArray();
            double sum = fractions.Sum();
            fractions = fractions.Select(f => f / sum).ToArray();
            Assert.Equal(DatasetSplitter.Allocate(count, fractions).Select(n => (long)n), SplitSizes.Allocate(count, fractions));
        }
    }

    [Fact]
    public void Relative_paths_start_from_the_script_folder_and_in_the_repl_from_the_current_directory()
    {
        string folder = Path.Combine(Path.GetTempPath(), "netscript-paths", "examples");
        const string text = "load parquet \"data/x.parquet\" as d\nmodel m { dense 3 }\ntrain m on d resume=\"runs/r1\"\n";
        var file = Compilation.Create(SourceText.From(text, Path.Combine(folder, "x.nns")), new CompilationOptions(new FixedResolver(3, 30)));
        Assert.Equal(Path.Combine(folder, "data", "x.parquet"), file.Program!.Steps.OfType<LoadStep>().Single().Source.ResolvePath());
        Assert.Equal(Path.Combine(folder, "runs", "r1"), file.Program.Steps.OfType<TrainStep>().Single().Settings.Resume);

        var repl = Compilation.Create(SourceText.From(text, "<repl:1>"), new CompilationOptions(new FixedResolver(3, 30)));
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "x.parquet"), repl.Program!.Steps.OfType<LoadStep>().Single().Source.ResolvePath());
        Assert.Equal("runs/r1", repl.Program.Steps.OfType<TrainStep>().Single().Settings.Resume);
    }
}

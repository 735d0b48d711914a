using NetScript.Cli;

namespace NetScript.Tests.Cli;

[Collection(TorchCollection.Name)]
public sealed class DataCommandTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Import_then_info_describes_the_new_file_and_read_times_it()
    {
        string directory = Scripts.TempDirectory();
        string csv = Path.Combine(directory, "pets.csv");
        File.WriteAllText(csv, "weight,height,kind\n4.5,30,dog\n3.25,25,cat\n5,41,dog\n");
        string parquet = Path.Combine(directory, "pets.parquet");

        var (code, output, errors) = Run("data", "import", csv, parquet, "--label", "kind");
        Assert.Equal((ExitCodes.Success, ""), (code, errors));
        Assert.StartsWith($"{parquet}: 3 rows from CSV, samples [2], label `kind`, 2 classes, ", output);

        (code, output, errors) = Run("data", "info", parquet, "--read");
        Assert.Equal((ExitCodes.Success, ""), (code, errors));
        Assert.StartsWith($"{parquet}: 3 rows, samples [2] from 2 columns, label `kind`, 2 classes (from the file's metadata)\nread into tensors in ", output);
    }

    [Fact]
    public void Bad_data_is_an_error_without_a_stack_trace_and_bad_usage_exits_2()
    {
        var (code, _, errors) = Run("data", "info", "/nonexistent/x.parquet");
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("netscript: error NS0601: \"/nonexistent/x.parquet\" does not exist\n", errors);

        (code, _, errors) = Run("data", "improt", "a", "b");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("netscript: unknown data subcommand `improt`; did you mean `import`?", errors);
    }
}

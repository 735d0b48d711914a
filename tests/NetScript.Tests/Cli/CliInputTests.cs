using NetScript.Cli;

namespace NetScript.Tests.Cli;

/// <summary>Command-line mistakes get the message that names them.</summary>
public sealed class CliInputTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Checking_a_directory_says_it_is_a_directory()
    {
        string folder = Scripts.TempDirectory();
        var (code, _, errors) = Run("check", folder);
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal($"{folder}: error NS0901: cannot read the script: it is a directory; name a .nns file\n", errors);
    }

    [Theory]
    [InlineData("run", "x.nns", "--runs")]
    [InlineData("run", "--runs", "--summary", "x.nns")]
    public void A_runs_option_without_its_value_says_so(params string[] args)
    {
        var (code, _, errors) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("netscript: `--runs` is missing its value: `--runs DIR`\n", errors);
    }
}

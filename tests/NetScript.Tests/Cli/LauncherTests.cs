using System.Diagnostics;
using System.Reflection.PortableExecutable;

namespace NetScript.Tests.Cli;

/// <summary>The README's first command, exactly as a user types it: tools/netscript builds the
/// Release CLI on first use and runs it, from any working directory.</summary>
[Collection(TorchCollection.Name)]
public sealed class LauncherTests
{
    static (int Code, string Out, string Err) Launch(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "tools", "netscript"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(15)), "tools/netscript did not finish in 15 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Runs_the_quickstart_from_another_directory()
    {
        string cwd = Scripts.TempDirectory();
        var (code, output, errors) = Launch(cwd, "run", Path.Combine(RepoPaths.Root, "scripts", "quickstart.nns"));
        Assert.True(code == 0, output + errors);
        Assert.Matches(@"done in [\d.]+ s — mlp: train accuracy 0\.9\d+, validation accuracy 0\.9\d+\n$", output);
        Assert.Single(Directory.GetDirectories(Path.Combine(cwd, "runs")));
    }

    [Fact]
    public void A_broken_script_exits_1_without_a_stack_trace()
    {
        string cwd = Scripts.TempDirectory();
        File.WriteAllText(Path.Combine(cwd, "typo.nns"), "seed 1\nmodel m { dens 3 }\n");
        var (code, output, errors) = Launch(cwd, "check", "typo.nns");
        Assert.Equal(1, code);
        // The first call may also print "netscript: building (Release)…" before it.
        Assert.EndsWith("typo.nns:2:11: error NS0104: unknown layer `dens`; did you mean `dense`?\n 2 | model m { dens 3 }\n   |           ^^^^\n", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", output);
    }

    /// <summary>The Release build precompiles NetScript's own assemblies (every project the CLI
    /// references, directly or not) and Terminal.Gui with ReadyToRun; an assembly left out would
    /// be IL only here.</summary>
    [Fact]
    public void The_release_build_precompiles_every_NetScript_assembly_ready_to_run()
    {
        var (code, output, errors) = Launch(Scripts.TempDirectory(), "--version");   // builds Release when a source changed
        Assert.True(code == 0, output + errors);
        string folder = Assert.Single(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "artifacts", "bin", "NetScript.Cli"), "release*"));
        string[] names = [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => n != "NetScript.Cli")];
        Assert.Contains("NetScript.Runtime", names);   // referenced through Hosting only
        Assert.All([.. names, "netscript", "Terminal.Gui"], name => Assert.True(IsReadyToRun(Path.Combine(folder, name + ".dll")), name + " is IL only"));
        // An assembly outside the list stays IL: the check can tell the two apart.
        Assert.False(IsReadyToRun(Path.Combine(folder, "Parquet.dll")));
    }

    static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}

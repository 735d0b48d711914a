using System.ComponentModel;
using System.Diagnostics;
using NetScript.Data;

namespace NetScript.Tests;

/// <summary>What a few tests need from the machine beyond the .NET SDK: the Debian package
/// dataset-fashion-mnist and tmux. <c>.ci/run</c> installs both; on a machine without them the
/// tests that need them are reported as skipped, with this reason, instead of failing.</summary>
public static class Requirements
{
    public static string? FashionMnistMissing => FashionMnist.IsInstalled
        ? null
        : $"needs the Debian package {FashionMnist.PackageName} ({FashionMnist.InstalledDirectory} has no IDX files; "
          + $"apt-get install -y {FashionMnist.PackageName}, as .ci/run does)";

    public static string? TmuxMissing => Runs("tmux", "-V")
        ? null
        : "needs tmux (apt-get install -y tmux, as .ci/run does)";

    static bool Runs(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}

using System.Diagnostics;

namespace NetScript.Tests;

/// <summary>Runs this test assembly as a program (<see cref="Program"/>) in a child process, for
/// scenarios that could abort the process: a failure then fails one test with the child's
/// output instead of killing the test host.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    public static Result Run(params string[] arguments)
    {
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add(Program.ChildCommand);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"child `{string.Join(' ', arguments)}` did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, output.Result, errors.Result);
    }
}

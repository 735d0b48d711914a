using System.Runtime.InteropServices;
using NetScript.Cli;
using NetScript.Language.Diagnostics;

// Ctrl-C or SIGTERM once: stop after the current step and keep what is saved (a checkpoint
// when the run has one). Twice: exit now.
using var cancellation = new CancellationTokenSource();
bool terminated = false;
void Stop(string how)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"stopping after the current step ({how} again to quit now)…");
    cancellation.Cancel();
}
Console.CancelKeyPress += (_, e) =>
{
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    Stop("Ctrl-C");
};
// SIGTERM is how systemd, docker, `timeout` and batch schedulers ask a job to stop; a run
// saves first, every other command (the REPL included) ends at once as before.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    if (cancellation.IsCancellationRequested || args.FirstOrDefault() != "run") return;
    context.Cancel = true;
    terminated = true;
    Stop("SIGTERM");
});

try
{
    int code = new CliApp(Console.Out, Console.Error, interactive: !Console.IsOutputRedirected).Run(args, cancellation.Token);
    return terminated && code == ExitCodes.Cancelled ? ExitCodes.Terminated : code;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // The environment (a full disk, a folder without permission), not a bug: the message names the file.
    Console.Error.WriteLine($"netscript: error {DiagnosticCatalog.FileError.Id}: {e.Message.Split('\n')[0]}");
    return ExitCodes.ScriptError;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("NETSCRIPT_DEBUG") != "1")
{
    Console.Error.WriteLine($"netscript: error NS0999: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (please report this with the script; NETSCRIPT_DEBUG=1 shows details)");
    return ExitCodes.InternalError;
}

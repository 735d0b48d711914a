using NetScript.Cli;
using NetScript.Language.Diagnostics;

// Ctrl-C once: stop after the current step and keep what is saved. Twice: exit now. Commands
// that train nothing (check, fmt) have no step to finish: one Ctrl-C ends them.
using var cancellation = new CancellationTokenSource();
bool trains = args.Length > 0 && args[0] is "run" or "repl";
Console.CancelKeyPress += (_, e) =>
{
    if (cancellation.IsCancellationRequested || !trains) return;
    e.Cancel = true;
    Console.Error.WriteLine();
    Console.Error.WriteLine("stopping after the current step (Ctrl-C again to quit now)…");
    cancellation.Cancel();
};

// C# code in a script can end the process (Environment.Exit) in the middle of a statement:
// say so instead of exiting silently. Open result tables finish themselves on the way out.
bool returned = false;
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    if (!returned)
        Console.Error.WriteLine($"netscript: error {DiagnosticCatalog.ProcessEnded.Id}: {DiagnosticCatalog.ProcessEnded.Format(Environment.ExitCode)}");
};

try
{
    int code = new CliApp(Console.Out, Console.Error, interactive: !Console.IsOutputRedirected).Run(args, cancellation.Token);
    returned = true;
    return code;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("NETSCRIPT_DEBUG") != "1")
{
    returned = true;
    Console.Error.WriteLine($"netscript: error NS0999: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (please report this with the script; NETSCRIPT_DEBUG=1 shows details)");
    return ExitCodes.InternalError;
}

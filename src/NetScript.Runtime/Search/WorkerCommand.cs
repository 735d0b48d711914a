using NetScript.Language.Diagnostics;

namespace NetScript.Runtime.Search;

/// <summary>How to start `netscript search-worker`: the dotnet host running this process and
/// the netscript.dll beside the runtime's assembly (the CLI's output folder, or a test's).</summary>
public static class WorkerCommand
{
    public static string Host => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public static string Cli
    {
        get
        {
            string cli = Path.Combine(AppContext.BaseDirectory, "netscript.dll");
            return File.Exists(cli) ? cli
                : throw new RuntimeFailure("no netscript.dll", DiagnosticCatalog.InternalError, [$"cannot start search workers: {cli} is missing"]);
        }
    }
}

namespace NetScript.Language.Diagnostics;

/// <summary>NS11xx: the REPL and the interactive session.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor Replaced =
        new("NS1101", DiagnosticSeverity.Info, "Definition replaced", "`{0}` now names the {1} defined here; it replaces the one from line {2}");

    public static readonly DiagnosticDescriptor UnknownCommand =
        Error("NS1102", "Unknown REPL command", "unknown command `:{0}`{1}; `:help` lists the commands");

    public static readonly DiagnosticDescriptor CommandUsage =
        Error("NS1103", "REPL command usage", "usage: {0}");

    public static readonly DiagnosticDescriptor SessionBusy =
        Error("NS1104", "Session busy", "{0} is running; wait for it, pause it (F5) or stop it (F6) before the next statement");

    public static readonly DiagnosticDescriptor SavedScriptDoesNotCheck =
        Warning("NS1105", "Saved script does not check", "the saved script does not check as a script: {0}");

    public static readonly DiagnosticDescriptor TrainingStopped =
        new("NS1106", DiagnosticSeverity.Info, "Training stopped", "training of `{0}` stopped at epoch {1}/{2}, step {3}; the model keeps the weights it had then");
}

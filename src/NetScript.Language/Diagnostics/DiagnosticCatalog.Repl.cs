namespace NetScript.Language.Diagnostics;

/// <summary>NS11xx: the REPL and the interactive session.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor Replaced =
        new("NS1101", DiagnosticSeverity.Info, "Definition replaced", "`{0}` now names the {1} defined here; it replaces the one from line {2}");

    public static readonly DiagnosticDescriptor UnknownCommand =
        Error("NS1102", "Unknown REPL command", "unknown command `:{0}`{1} (`:help` lists the commands)");

    public static readonly DiagnosticDescriptor CommandUsage =
        Error("NS1103", "REPL command usage", "usage: {0}");

    public static readonly DiagnosticDescriptor SavedScriptDoesNotCheck =
        Warning("NS1104", "Saved script does not check", "the saved script does not check as a script: {0}");

    public static readonly DiagnosticDescriptor TrainingStopped =
        new("NS1105", DiagnosticSeverity.Info, "Training stopped", "training of `{0}` stopped after {1} of {2} epochs; the model keeps the weights it had reached");

    public static readonly DiagnosticDescriptor StatementsSkipped =
        new("NS1106", DiagnosticSeverity.Info, "Statements skipped", "{0} statement{1} after this one did not run ({2}, from `{3}`)");

    public static readonly DiagnosticDescriptor ResetWhileRunning =
        Error("NS1107", "Reset while running", "`:reset` forgets nothing while `{0}` runs: stop it first (F6), then `:reset` again");
}

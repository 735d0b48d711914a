namespace NetScript.Repl;

/// <summary>How `netscript repl` starts: where run folders go, where the input history is
/// kept (null: not kept), and an optional script to `:load` first.</summary>
public sealed record ReplOptions(string? RunsDirectory, string? HistoryPath, string? LoadFirst = null);

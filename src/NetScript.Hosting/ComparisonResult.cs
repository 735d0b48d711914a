namespace NetScript.Hosting;

/// <summary>What a host shows for <c>netscript compare</c> and the REPL's <c>:compare</c>: the
/// table as text, the PNG's path, or why the runs cannot be compared.</summary>
public sealed record ComparisonResult(string? Table, string? Plot, string? Error);

using NetScript.Runtime.Events;

namespace NetScript.Hosting.Interactive;

/// <summary>The metrics of one finished epoch, as the REPL's table and chart show them.</summary>
public sealed record EpochRecord(int Epoch, Metrics Train, Metrics? Validation);

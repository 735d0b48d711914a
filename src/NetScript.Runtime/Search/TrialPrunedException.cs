namespace NetScript.Runtime.Search;

/// <summary>Thrown from a trial's observer to stop its training when the pruner says so.</summary>
public sealed class TrialPrunedException(string message) : Exception(message);

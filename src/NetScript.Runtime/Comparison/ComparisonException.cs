namespace NetScript.Runtime.Comparison;

/// <summary>Why runs cannot be compared: a folder that does not exist or holds no training, a
/// metric no training recorded. The message names the folder or the metric.</summary>
public sealed class ComparisonException(string message) : Exception(message);

namespace NetScript.Data;

/// <summary>Bad or missing data, with a message fit for the user (no stack trace is shown).</summary>
public sealed class DataException(string message, Exception? inner = null) : Exception(message, inner);

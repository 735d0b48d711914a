namespace NetScript.Runtime.Export;

/// <summary>A model file that cannot be written or read (wrong format, missing tensor,
/// unsupported layer); the message is for the user.</summary>
public sealed class ExportException(string message) : Exception(message);

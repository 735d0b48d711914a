namespace NetScript.Language.Diagnostics;

/// <summary>NS0610–NS0629: a run's files (run folder, checkpoints, tables, logs) cannot be
/// written — a full disk, a folder without permission, a path that names a file.</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>The message names the file, the reason and what is still usable.</summary>
    public static readonly DiagnosticDescriptor RecordingFailed =
        Error("NS0610", "Run not recorded", "{0}");
}

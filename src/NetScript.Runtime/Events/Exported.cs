namespace NetScript.Runtime.Events;

/// <summary>An <c>export</c> wrote <paramref name="Path"/> (as the user would type it).</summary>
/// <param name="What">"model file", "ONNX" or "Parquet".</param>
public sealed record Exported(string Name, string Path, string What, long Bytes) : RunEvent;

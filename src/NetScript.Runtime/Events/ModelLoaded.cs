namespace NetScript.Runtime.Events;

/// <summary>A <c>load model</c> built <paramref name="Name"/> from a model file.</summary>
public sealed record ModelLoaded(string Name, string Path, long Parameters, string Input, int Classes) : RunEvent;

namespace NetScript.Runtime.Events;

/// <summary>A statement begins; <see cref="Line"/> is its 1-based line in the source.</summary>
public sealed record StepStarted(int Index, int Count, string Statement, int Line) : RunEvent;

namespace NetScript.Runtime.Events;

public sealed record DatasetReady(string Name, long Rows, string Shape, int Classes) : RunEvent;

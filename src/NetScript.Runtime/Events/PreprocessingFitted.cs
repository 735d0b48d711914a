namespace NetScript.Runtime.Events;

public sealed record PreprocessingFitted(string FitOn, IReadOnlyList<string> Operations, IReadOnlyList<string> AppliedTo) : RunEvent;

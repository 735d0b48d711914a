namespace NetScript.Runtime.Events;

/// <summary>A checkpoint was written (atomically). <see cref="Step"/> is 0 at an epoch's end,
/// otherwise the number of steps of <see cref="Epoch"/> already done (an interrupted run).</summary>
public sealed record CheckpointSaved(string Model, string Path, int Epoch, int Step) : RunEvent;

namespace NetScript.Runtime.Training;

/// <summary>Training stopped on request (Ctrl-C, the REPL's stop) after saving its exact
/// position to <see cref="Checkpoint"/> (null when the run keeps no checkpoints).</summary>
public sealed class TrainingCancelledException(string? checkpoint, CancellationToken token)
    : OperationCanceledException("training was cancelled", token)
{
    public string? Checkpoint { get; } = checkpoint;
}

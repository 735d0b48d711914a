namespace NetScript.Runtime.Events;

/// <summary>A training run continues from <paramref name="Checkpoint"/>: the next step to run
/// is step <paramref name="Step"/> + 1 of epoch <paramref name="Epoch"/>.</summary>
public sealed record TrainingResumed(string Model, string Checkpoint, int Epoch, int Step) : RunEvent
{
    /// <summary>The training run that wrote the checkpoint: its folder, as the user would type it.</summary>
    public string Run => Execution.ModelExecutor.Display(Path.GetDirectoryName(Checkpoint) ?? Checkpoint);
}

namespace NetScript.Repl;

/// <summary>What F5 does now, as the key line says it: pause the running work, resume the
/// paused work, or — while a search runs, whose trials run to their end or are stopped —
/// nothing but say so (the key line leaves F5 out).</summary>
public enum PauseKey
{
    Pause,
    Resume,
    None,
}

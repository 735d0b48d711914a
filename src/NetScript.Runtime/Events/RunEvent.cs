namespace NetScript.Runtime.Events;

/// <summary>What the runtime tells hosts while a pipeline runs. Plain records — no tensors —
/// so the CLI, the REPL and the run folder consume the same stream.</summary>
public abstract record RunEvent;

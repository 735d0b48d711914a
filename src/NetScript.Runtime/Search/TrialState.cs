namespace NetScript.Runtime.Search;

/// <summary>How a trial ended. A failed trial threw or diverged (its message says which); a
/// pruned one was stopped early because it trailed the others.</summary>
public enum TrialState
{
    Completed,
    Failed,
    Pruned,
}

using NetScript.Runtime.Execution;

namespace NetScript.Runtime.Search;

/// <summary>Where trials run: in this process (<see cref="InProcessExecutor"/>), in local
/// worker processes, or as a Slurm job array. Every executor runs the given trials (already
/// planned, values and seeds fixed) and reports each finished one on the calling thread.</summary>
public interface ITrialExecutor : IDisposable
{
    void Run(IReadOnlyList<TrialSpec> trials, Action<TrialResult> finished, CancellationToken cancellation);

    /// <summary>The workspace a finished trial trained in, when this executor still holds it
    /// (the caller then owns it); null when it ran elsewhere.</summary>
    Workspace? Take(int trial);
}

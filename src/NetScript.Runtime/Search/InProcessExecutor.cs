using NetScript.Language.Semantics;
using NetScript.Runtime.Execution;

using NetScript.Runtime.Recording;

namespace NetScript.Runtime.Search;

/// <summary>Runs trials one after another in this process, each in a fork of the session's
/// workspace, so they share the loaded and split data. Keeps the best trial's workspace (its
/// trained models) until the search takes it; every other trial's is freed when it ends.</summary>
public sealed class InProcessExecutor(SearchStep search, Workspace session, RunFolder? runFolder, SearchJournal? journal) : ITrialExecutor
{
    readonly TrialPruner _pruner = new(search.Plan.Prune, search.Plan.Reduction, search.Plan.Grace, search.Plan.Maximize);
    TrialResult? _best;
    Workspace? _bestWorkspace;

    public void Run(IReadOnlyList<TrialSpec> trials, Action<TrialResult> finished, CancellationToken cancellation)
    {
        foreach (TrialSpec trial in trials)
        {
            cancellation.ThrowIfCancellationRequested();
            journal?.Started(trial);
            string? folder = runFolder?.Child(TrialRunner.FolderName(trial.Id)).Path;
            var (result, workspace) = TrialRunner.Run(trial, search, session, folder, cancellation, _pruner.Enabled ? _pruner : null);
            journal?.Finished(result);
            if (workspace is not null && TrialRanking.Beats(result, _best, search.Plan.Maximize))
            {
                _bestWorkspace?.Dispose();
                (_best, _bestWorkspace) = (result, workspace);
            }
            else
            {
                workspace?.Dispose();
            }
            finished(result);
        }
    }

    public Workspace? Take(int trial)
    {
        if (_best?.Id != trial) return null;
        var workspace = _bestWorkspace;
        (_best, _bestWorkspace) = (null, null);
        return workspace;
    }

    public void Dispose() => _bestWorkspace?.Dispose();
}

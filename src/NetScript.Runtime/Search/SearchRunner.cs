using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using TorchSharp;

namespace NetScript.Runtime.Search;

/// <summary>Runs a search: plans its trials from the search's seed, skips those a journal in
/// the run folder says finished (a resumed search), runs the rest through an executor, ranks
/// them, writes RUN/trials.parquet, RUN/best.json and the leaderboard, and moves the best
/// trial's trained models into the session. Returns the statements after the trials, bound
/// with the best trial's values, for the pipeline to run next. libtorch's random state is
/// put back afterwards, so what follows runs as it would after any other statement.</summary>
public sealed class SearchRunner(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    /// <summary>The ranked trials of the last search this runner ran (for `ensemble … top=k`).</summary>
    public IReadOnlyList<TrialResult> Ranked { get; private set; } = [];

    public CheckedProgram Run(SearchStep step, CancellationToken cancellation)
    {
        SearchPlan plan = step.Plan;
        IReadOnlyList<TrialSpec> trials = TrialPlanner.Plan(plan);
        var results = new Dictionary<int, TrialResult>();
        if (runFolder is not null)
            foreach (var (id, result) in SearchJournal.ReadFinished(runFolder.Path).Where(r => r.Key < trials.Count && SameTrial(r.Value.Trial, trials[r.Key])))
                results[id] = result;
        TrialResult? best = TrialRanking.Rank(results.Values, plan.Maximize).FirstOrDefault(r => r.State == TrialState.Completed);

        using torch.Tensor random = torch.get_rng_state();
        int threads = torch.get_num_threads(), workers = Math.Min(plan.Parallel, trials.Count - results.Count);
        bool local = workers <= 1 || runFolder is null;
        using var journal = local && runFolder is not null ? new SearchJournal(runFolder.Path, 0) : null;
        using ITrialExecutor executor = local
            ? new InProcessExecutor(step, workspace, runFolder, journal)
            : new LocalWorkersExecutor(runFolder!, workers, threads);
        try
        {
            executor.Run([.. trials.Where(t => !results.ContainsKey(t.Id))], result =>
            {
                results[result.Id] = result;
                if (TrialRanking.Beats(result, best, plan.Maximize)) best = result;
                observer.OnEvent(new TrialCompleted(plan, result, best, results.Count, trials.Count));
            }, cancellation);
        }
        finally
        {
            Ranked = TrialRanking.Rank(results.Values, plan.Maximize);
            if (runFolder is not null && results.Count > 0) TrialsTable.Write(runFolder.Path, plan, Ranked);
        }
        string leaderboard = Leaderboard.Format(plan, Ranked);
        observer.OnEvent(new SearchCompleted(plan, Ranked, leaderboard, runFolder is null ? null : Path.Combine(runFolder.Path, TrialsTable.File)));
        if (best is null)
            throw new RuntimeFailure("every trial failed", DiagnosticCatalog.AllTrialsFailed, [Ranked.Count, Ranked.FirstOrDefault()?.Message ?? "no trial ran"]);
        runFolder?.WriteJson("best.json", BestFile.Of(plan, best, Ranked));

        Workspace? trained = executor.Take(best.Id);
        if (trained is null)
        {
            // The best trial ran in another process or an earlier run: run it again here (same
            // values, seed and thread count, so the same model) to have its models in memory.
            torch.set_num_threads(local ? threads : Math.Max(1, threads / workers));
            (TrialResult again, trained) = TrialRunner.Run(best.Trial, step, workspace, folder: null, cancellation);
            torch.set_num_threads(threads);
            if (trained is null) throw new RuntimeFailure(again.Message ?? "the best trial failed when run again", DiagnosticCatalog.AllTrialsFailed, [1, again.Message]);
        }
        using (trained) trained.MoveInto(workspace);
        torch.set_rng_state(random);
        TrialBinding binding = step.Trials.Bind(best.Trial.Values);
        return binding.Program?.Tail ?? throw new RuntimeFailure("the best trial's values no longer check", DiagnosticCatalog.AllTrialsFailed, [1, binding.Diagnostics.FirstOrDefault()?.Message]);
    }

    /// <summary>This process is one of a search's workers: run its trials, journal them, stop.</summary>
    public static void RunAsWorker(SearchStep step, Workspace workspace, SearchWorkerRole role, CancellationToken cancellation)
    {
        torch.set_num_threads(role.Threads);
        var planned = TrialPlanner.Plan(step.Plan).ToDictionary(t => t.Id);
        using var journal = new SearchJournal(role.RunFolder, role.Index);
        using var executor = new InProcessExecutor(step, workspace, RunFolder.Open(role.RunFolder), journal);
        executor.Run([.. role.Trials.Select(id => planned[id])], _ => { }, cancellation);
    }

    static bool SameTrial(TrialSpec a, TrialSpec b) =>
        a.Seed == b.Seed && a.Values.Count == b.Values.Count && a.Values.All(kv => b.Values.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));
}

using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using TorchSharp;

using NetScript.Runtime.Recording;

namespace NetScript.Runtime.Search;

/// <summary>Runs a search: plans its trials from the search's seed, skips those a journal in
/// the run folder says finished (a resumed search), runs the rest through an executor, ranks
/// them, writes RUN/trials.parquet, RUN/best.json and the leaderboard, and moves the best
/// trial's trained models into the session. Returns the statements after the trials, bound
/// with the best trial's values, for the pipeline to run next. libtorch's random state is
/// put back afterwards, so what follows runs as it would after any other statement.</summary>
public sealed class SearchRunner(Workspace workspace, IRunObserver observer, RunFolder? runFolder, TrialBackend backend = TrialBackend.Local)
{
    /// <summary>The ranked trials of the last search this runner ran (for `ensemble … top=k`).</summary>
    public IReadOnlyList<TrialResult> Ranked { get; private set; } = [];

    // Coarse to fine: each round's ranges, for the rounds plot.
    readonly List<IReadOnlyList<SearchDimension>> _rounds = new();

    public CheckedProgram Run(SearchStep step, CancellationToken cancellation)
    {
        SearchPlan plan = step.Plan;
        ITrialSource source = Source(plan);
        var journaled = runFolder is null ? new Dictionary<int, TrialResult>() : SearchJournal.ReadFinished(runFolder.Path);
        var results = new Dictionary<int, TrialResult>();
        TrialResult? best = null;
        void Finished(TrialResult result)
        {
            Kept(result);
            observer.OnEvent(new TrialCompleted(plan, result, best, results.Count, source.Total));
        }
        void Kept(TrialResult result)
        {
            results[result.Id] = result;
            if (TrialRanking.Beats(result, best, plan.Maximize)) best = result;
        }

        using torch.Tensor random = torch.get_rng_state();
        int threads = torch.get_num_threads();
        using var journal = runFolder is null ? null : new SearchJournal(runFolder.Path, "main");
        using var inProcess = new InProcessExecutor(step, workspace, runFolder, journal);
        if (backend == TrialBackend.Slurm && runFolder is null)
            throw new RuntimeFailure("no run folder", DiagnosticCatalog.SlurmUnavailable, ["Slurm tasks report through the run folder, and this session has none"]);
        using ITrialExecutor? workers = backend == TrialBackend.Slurm ? new SlurmExecutor(runFolder!, plan.Parallel, threads)
            : plan.Parallel > 1 && runFolder is not null ? new LocalWorkersExecutor(runFolder, plan.Parallel, threads) : null;
        bool ranElsewhere = false;
        observer.OnEvent(new SearchStarted(plan, source.Total));
        try
        {
            while (source.Next(results) is { Count: > 0 } batch)
            {
                // A resumed search: trials its journals finished with the same values and seed are not run again.
                foreach (TrialSpec done in batch.Where(t => journaled.TryGetValue(t.Id, out var r) && SameTrial(r.Trial, t)))
                    Kept(journaled[done.Id]);
                var run = batch.Where(t => !results.ContainsKey(t.Id)).ToList();
                if (run.Count == 0) continue;
                ITrialExecutor executor = workers is not null && (run.Count > 1 || backend == TrialBackend.Slurm) ? workers : inProcess;
                ranElsewhere |= executor == workers;
                if (executor == workers) SearchJournal.AppendPlanned(runFolder!.Path, run);
                executor.Run(run, Finished, cancellation);
            }
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
        if (runFolder is not null) SearchPlots.Write(runFolder.Path, plan, Ranked, _rounds);

        Workspace? trained = inProcess.Take(best.Id);
        if (trained is null)
        {
            // The best trial ran in another process or an earlier run: run it again here (same
            // values, seed and thread count, so the same model) to have its models in memory.
            torch.set_num_threads(ranElsewhere ? LocalWorkersExecutor.ThreadsEach(threads, plan.Parallel, source.Total) : threads);
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
        var planned = SearchJournal.ReadPlanned(role.RunFolder);
        using var journal = new SearchJournal(role.RunFolder, role.Name);
        using var executor = new InProcessExecutor(step, workspace, RunFolder.Open(role.RunFolder), journal);
        executor.Run([.. role.Trials.Select(id => planned[id])], _ => { }, cancellation);
    }

    ITrialSource Source(SearchPlan plan) => plan.Strategy switch
    {
        SearchStrategy.Bayes => new BayesTrials(plan),
        SearchStrategy.CoarseToFine => new CoarseToFineTrials(plan)
        {
            RoundStarted = (round, space) =>
            {
                _rounds.Add(space);
                observer.OnEvent(new SearchRoundStarted(round, plan.Rounds, space));
            },
        },
        _ => new FixedTrials(TrialPlanner.Plan(plan)),
    };

    static bool SameTrial(TrialSpec a, TrialSpec b) =>
        a.Seed == b.Seed && a.Values.Count == b.Values.Count && a.Values.All(kv => b.Values.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));
}

using NetScript.Runtime.Recording;
using System.Diagnostics;
using System.Globalization;
using NetScript.Language;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Search;
using NetScript.Runtime.Snippets;

namespace NetScript.Bench;

/// <summary>`tools/bench --search`: a 20-trial random search of a tiny MLP on the spiral.
/// search_overhead = the search's wall time ÷ the sum of its trials' training times (target
/// ≤ 1.10: planning, binding, forking and recording cost little); search_parallel_speedup =
/// trials per minute with parallel=2 ÷ with parallel=1 (target ≥ 1.7 on 2 cores; workers each
/// reload the data, and the best trial is rebuilt once in the parent). The spiral has 3,000
/// points so a trial trains ~0.6 s (search_trial_train_seconds): with 300 points (0.2-s trials)
/// the fixed costs — ~20 ms a trial for its folder, checkpoints and tables, and each worker
/// process's start — weigh more; measured on an idle machine: overhead 1.151 and speedup 1.138
/// there, against 1.033 and 1.724 at 3,000 points.</summary>
internal static class SearchBench
{
    const int Trials = 20;

    static string Script(int parallel) => $$"""
        seed 1
        threads 2
        load dataset "spiral" classes=3 points=3000 noise=0.2 as data
        split data into train=0.8 val=0.2 stratify
        preprocess { standardize }
        search random trials={{Trials}} maximize=val_acc parallel={{parallel}} {
          lr    = loguniform(1e-3, 1e-1)
          units = int(16, 128, step=16)
        }
        model m { dense $units -> relu; dense 3 }
        optimizer adam lr=$lr
        train m on train epochs=10 batch=32 validate=val stats=0
        """;

    public static void Run(string runs, Action<string, double, string> line)
    {
        var (serialWall, serialTraining) = Search(Script(1), runs);
        line("search_overhead", serialWall / serialTraining, "0.000");
        line("search_trial_train_seconds", serialTraining / Trials, "0.000");
        var (parallelWall, _) = Search(Script(2), runs);
        line("search_parallel_speedup", serialWall / parallelWall, "0.000");
        line("search_trials_per_min_parallel1", Trials * 60 / serialWall, "0.0");
        line("search_trials_per_min_parallel2", Trials * 60 / parallelWall, "0.0");
    }

    /// <summary>Wall seconds of the search statement, and the sum of its trials' training seconds.</summary>
    static (double Wall, double Training) Search(string text, string runs)
    {
        Directory.CreateDirectory(runs);
        using var workspace = new Workspace();
        var options = new CompilationOptions(new CatalogResolver()) { Snippets = new HostSnippetCompiler(workspace.Snippets) };
        var compilation = Compilation.Create(SourceText.From(text, "search-bench.nns"), options);
        if (compilation.Program is not { } program) throw new InvalidOperationException("the bench script does not check");
        var observer = new SearchClock();
        var executor = new PipelineExecutor(workspace, observer, RunFolder.Create(runs, "search-bench.nns", text));
        var result = executor.Execute(program, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(result.Failure!.Message);
        return (observer.Elapsed.TotalSeconds, observer.Trials.Sum(t => t.TrainingSeconds));
    }

    /// <summary>Times the search statement from its start; read when the pipeline has returned
    /// (the best trial's models are in the session by then).</summary>
    sealed class SearchClock : IRunObserver
    {
        readonly Stopwatch _clock = new();

        public List<TrialResult> Trials { get; } = new();

        public TimeSpan Elapsed => _clock.Elapsed;

        public void OnEvent(RunEvent e)
        {
            switch (e)
            {
                case StepStarted s when s.Statement.StartsWith("search", StringComparison.Ordinal):
                    _clock.Restart();
                    break;
                case TrialCompleted t:
                    Trials.Add(t.Result);
                    Console.Error.Write($"\rtrial {t.Finished}/{t.Total}");
                    break;
                case SearchCompleted:
                    Console.Error.WriteLine();
                    break;
            }
        }
    }
}

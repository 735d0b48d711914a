using NetScript.Runtime.Recording;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Search;
using NetScript.Language.Text;

namespace NetScript.Tests.Runtime.Search;

/// <summary>Searches run end to end on a tiny spiral: the trials, their scores against what each
/// trial's training reported, failed trials, the best trial's model after the search, the
/// files in the run folder and resuming from the journal.</summary>
[Collection(TorchCollection.Name)]
public sealed class SearchRunnerTests
{
    const string Data = """
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=30 noise=0.2 as data
        split data into train=0.6 val=0.2 test=0.2 stratify
        preprocess { standardize }

        """;

    const string RandomSearch = Data + """
        search random trials=3 maximize=val_acc {
          lr    = loguniform(1e-3, 1e-1)
          units = int(4, 32, step=4)
        }
        model m { dense $units -> relu; dense 3 }
        optimizer adam lr=$lr
        train m on train epochs=3 batch=16 validate=val stats=0
        evaluate m on test
        """;

    [Fact]
    public void The_best_trial_by_validation_accuracy_is_kept_and_evaluated_on_test()
    {
        var (run, workspace, events) = Execute(RandomSearch);
        using (workspace)
        {
            var trials = events.Of<TrialCompleted>().Select(t => t.Result).ToList();
            Assert.Equal([0, 1, 2], trials.Select(t => t.Id));
            Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
            // Each score is the last epoch's val_acc the trial's training reported.
            Assert.All(trials, t => Assert.Equal(t.Epochs[^1].Value, t.Score));
            Assert.All(trials, t => Assert.Equal([1, 2, 3], t.Epochs.Select(e => e.Epoch)));
            TrialResult best = trials.OrderByDescending(t => t.Score).ThenBy(t => t.Id).First();
            Assert.Equal(best.Id, workspace.SearchTrials[0].Id);

            // The session's model is the best trial's: its width and weights.
            long units = (long)((NetScript.Language.Semantics.NumberValue)best.Trial.Values["units"]).Number;
            var model = workspace.Models["m"];
            Assert.Equal(units * 2 + units + units * 3 + 3, model.ParameterCount);
            using var saved = NetScript.Runtime.Models.ModelBuilder.Build(model.Plan, workspace.Snippets);
            saved.load(best.Models["m"]);
            Assert.All(saved.parameters().Zip(model.Module.parameters()), p => Assert.True(p.First.allclose(p.Second, 0, 0)));

            // `evaluate` ran once, after the trials, on the best model.
            Assert.Single(events.Of<EvaluationCompleted>());
            using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "best.json"))))
                Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("ScoreStd").ValueKind); // no folds: no std
            Assert.Equal(["best-so-far.png", "score-vs-lr.png", "score-vs-units.png"],
                Directory.GetFiles(Path.Combine(run, "search-plots")).Select(Path.GetFileName).Order());
            var table = ParquetTableReader.Read(Path.Combine(run, TrialsTable.File));
            Assert.Equal([0L, 0, 0, 1, 1, 1, 2, 2, 2], (long[])table["trial"]);
            Assert.Equal(trials.SelectMany(t => t.Epochs.Select(e => e.Value)), (double[])table["value"]);
            Assert.Equal(trials.SelectMany(t => Enumerable.Repeat(((NetScript.Language.Semantics.NumberValue)t.Trial.Values["lr"]).Number, 3)), (double[])table["lr"]);
        }
    }

    [Fact]
    public void A_trial_that_diverges_is_recorded_failed_and_the_search_goes_on()
    {
        string script = Data + """
            search grid maximize=val_acc {
              lr = choice(0.01, 1e30)
            }
            model m { dense 8 -> relu; dense 3 }
            optimizer sgd lr=$lr
            train m on train epochs=2 batch=16 validate=val stats=0
            """;
        var (_, workspace, events) = Execute(script);
        workspace.Dispose();
        var trials = events.Of<TrialCompleted>().Select(t => t.Result).ToList();
        Assert.Equal(TrialState.Completed, trials[0].State);
        Assert.Equal(TrialState.Failed, trials[1].State);
        Assert.Contains("NS07", trials[1].Message);
        Assert.Equal(0, events.Of<SearchCompleted>().Single().Ranked[0].Id);
    }

    [Fact]
    public void Asha_stops_a_trailing_trial_at_a_rung_and_keeps_its_epochs()
    {
        string script = Data + """
            search grid prune=asha reduction=2 grace=1 minimize=val_loss {
              lr = choice(0.05, 0.00001)
            }
            model m { dense 8 -> relu; dense 3 }
            optimizer adam lr=$lr
            train m on train epochs=4 batch=16 validate=val stats=0
            """;
        var (_, workspace, events) = Execute(script);
        workspace.Dispose();
        var trials = events.Of<TrialCompleted>().Select(t => t.Result).ToList();
        Assert.Equal(TrialState.Completed, trials[0].State);
        // The tiny rate barely moves the loss: at epoch 1 it is not below trial 0's.
        Assert.Equal(TrialState.Pruned, trials[1].State);
        Assert.Equal([1], trials[1].Epochs.Select(e => e.Epoch));
        Assert.Contains("pruned at epoch 1", trials[1].Message);
    }

    [Fact]
    public void A_search_whose_every_trial_fails_stops_with_NS1206_at_the_search()
    {
        string script = Data + """
            search grid maximize=val_acc {
              lr = choice(1e30, 1e31)
            }
            model m { dense 8 -> relu; dense 3 }
            optimizer sgd lr=$lr
            train m on train epochs=2 batch=16 validate=val stats=0
            """;
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, new RecordingObserver());
        Assert.Equal("NS1206", result.Failure?.Id);
        Assert.StartsWith("all 2 trials of the search failed; the first failure: ", result.Failure!.Message);
        Assert.Equal(6, result.Failure.Location!.Value.Line);
    }

    [Fact]
    public void A_search_on_folds_scores_each_trial_by_the_mean_and_sample_std_of_its_folds()
    {
        string script = """
            seed 3
            threads 1
            load dataset "spiral" classes=3 points=30 noise=0.2 as data
            kfold data k=3 stratify as folds
            search random trials=2 minimize=val_loss {
              lr = loguniform(1e-3, 1e-1)
            }
            model m { dense 8 -> relu; dense 3 }
            optimizer adam lr=$lr
            train m on folds epochs=2 batch=16 stats=0
            """;
        var (_, workspace, events) = Execute(script);
        workspace.Dispose();
        foreach (TrialResult trial in events.Of<TrialCompleted>().Select(t => t.Result))
        {
            // Each fold's score is its last epoch's val_loss; the trial's is their mean ± std (n − 1).
            double[] folds = [.. Enumerable.Range(1, 3).Select(f => trial.Epochs.Last(e => e.Fold == f).Value)];
            Assert.Equal(folds, trial.FoldScores);
            double mean = (folds[0] + folds[1] + folds[2]) / 3;
            double std = Math.Sqrt(folds.Sum(v => (v - mean) * (v - mean)) / 2);
            Assert.Equal(mean, trial.Score, 15);
            Assert.Equal(std, trial.ScoreStd, 15);
            Assert.Equal([1, 1, 2, 2, 3, 3], trial.Epochs.Select(e => e.Fold));
        }
    }

    [Fact]
    public void A_search_run_again_into_its_folder_skips_finished_trials_and_repeats_the_same_results()
    {
        var (run, workspace, first) = Execute(RandomSearch);
        workspace.Dispose();
        var finished = first.Of<TrialCompleted>().Select(t => t.Result).ToList();
        // Trial 2 "was running" when the process died: its finished line is missing.
        string journal = Path.Combine(run, "trials", "journal-main.jsonl");
        File.WriteAllLines(journal, File.ReadAllLines(journal).Where(l => !l.Contains("\"finished\",\"Trial\":2", StringComparison.Ordinal)));

        var events = new RecordingObserver();
        using var again = new Workspace();
        var result = Pipelines.Execute(RandomSearch, again, events, runFolder: RunFolder.Open(run));
        Assert.True(result.Succeeded, result.Failure?.Message);
        var rerun = events.Of<TrialCompleted>().Select(t => t.Result).ToList();
        Assert.Equal([2], rerun.Select(t => t.Id));
        Assert.Equal(finished[2].Score, rerun[0].Score);
        Assert.Equal(finished.Select(t => t.Id).Order(), events.Of<SearchCompleted>().Single().Ranked.Select(t => t.Id).Order());
    }

    /// <summary>A trial reads the session's datasets without copying them; a trial that
    /// preprocesses must not overwrite them in place (the next trial would see its values).</summary>
    [Fact]
    public void Trials_that_preprocess_change_copies_not_the_sessions_datasets()
    {
        const string data = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=30 noise=0.2 as data
            split data into train=0.6 val=0.2 test=0.2 stratify

            """;
        const string script = data + """
            search grid maximize=val_acc {
              s = choice(0.5, 4)
            }
            preprocess { scale $s }
            model m { dense 8 -> relu; dense 3 }
            optimizer adam lr=0.01
            train m on train epochs=2 batch=16 validate=val stats=0
            """;
        var (_, workspace, events) = Execute(script);
        using (workspace)
        using (var plain = new Workspace())
        {
            Assert.True(Pipelines.Execute(data, plain).Succeeded);
            Assert.Equal(2, events.Of<TrialCompleted>().Count());
            double best = TrialValues.Number(events.Of<SearchCompleted>().Single().Ranked[0].Trial.Values["s"]);
            // After the search the session holds the best trial's datasets: the loaded rows scaled
            // once by its s. Had the trials scaled the shared tensors in place, they would hold
            // the rows scaled by 0.5 · 4 = 2 (or the best trial's data scaled twice).
            foreach (string name in new[] { "train", "val", "test" })
            {
                using var expected = plain.Dataset(name).Features * best;
                Assert.Equal(expected.data<float>().ToArray(), workspace.Dataset(name).Features.data<float>().ToArray());
            }
        }
    }

    [Fact]
    public void A_second_search_in_a_session_runs_its_own_trials_in_a_folder_of_its_own()
    {
        const string search = """
            search grid maximize=val_acc {
              units = choice(4, 8)
            }
            model m { dense $units -> relu; dense 3 }
            optimizer adam lr=0.02
            train m on train epochs=2 batch=16 validate=val stats=0
            """;
        var events = new RecordingObserver();
        using var session = new NetScript.Hosting.Session(new NetScript.Hosting.SessionOptions(Path.Combine(Scripts.TempDirectory(), "runs"), events, Interactive: true));
        Assert.True(session.Submit(SourceText.From(Data, "<repl:1>")).Succeeded);
        Assert.True(session.Submit(SourceText.From(search, "<repl:2>")).Succeeded);
        Assert.True(session.Submit(SourceText.From(search, "<repl:3>")).Succeeded);
        string run = session.RunFolderPath!;

        // The same search twice: the second trains both trials again instead of taking the
        // first one's journal as a finished run of them, and gets the same scores.
        var trials = events.Of<TrialCompleted>().Select(t => t.Result).ToList();
        Assert.Equal([0, 1, 0, 1], trials.Select(t => t.Id));
        Assert.Equal(trials[0].Score, trials[2].Score);
        var completed = events.Of<SearchCompleted>().ToList();
        Assert.Equal(2, completed.Count);
        Assert.Equal(Path.Combine(run, TrialsTable.File), completed[0].TrialsTable);
        Assert.Equal(Path.Combine(run, "search-2", TrialsTable.File), completed[1].TrialsTable);
        Assert.True(File.Exists(Path.Combine(run, "best.json")));
        Assert.True(File.Exists(Path.Combine(run, "search-2", "best.json")));
        Assert.True(File.Exists(Path.Combine(run, "search-2", TrialRunner.FolderName(1), "m.pt")));
    }

    internal static (string Run, Workspace Workspace, RecordingObserver Events) Execute(string script)
    {
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "search.nns", script);
        var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure is { } f ? DiagnosticFormatter.Format(f) : null);
        return (folder.Path, workspace, observer);
    }
}

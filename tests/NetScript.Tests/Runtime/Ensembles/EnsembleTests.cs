using NetScript.Language.Lowering;
using NetScript.Runtime.Ensembles;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Ensembles;

/// <summary>`ensemble MODEL seeds=[…]`: the combination rules against values worked out by hand,
/// and a trained 3-seed ensemble whose reported accuracies are recomputed from its members' outputs.</summary>
[Collection(TorchCollection.Name)]
public sealed class EnsembleTests
{
    // Logits are logs of counts, so each member's softmax is the counts over their sum:
    // member 1: [1,1,2]/4, member 2: [2,1,1]/4, member 3: [6,1,1]/8 (row 0);
    // row 1: member 1 [1,3,1]/5, member 2 [1,1,3]/5, member 3 [1,4,1]/6.
    static readonly double[][][] Counts =
    [
        [[1, 1, 2], [1, 3, 1]],
        [[2, 1, 1], [1, 1, 3]],
        [[6, 1, 1], [1, 4, 1]],
    ];

    static Tensor[] Members() => [.. Counts.Select(m => tensor(m.SelectMany(r => r).Select(v => (float)Math.Log(v)).ToArray(), [2, 3]))];

    [Fact]
    public void Averaged_probabilities_are_the_mean_of_the_members_softmax()
    {
        using var combined = EnsembleAverager.Combine(Members(), EnsembleAverage.Probabilities);
        float[] got = combined.data<float>().ToArray();
        // Row 0: (0.25 + 0.5 + 0.75) / 3, (0.25 + 0.25 + 0.125) / 3, (0.5 + 0.25 + 0.125) / 3.
        // Row 1: (0.2 + 0.2 + 1/6) / 3, (0.6 + 0.2 + 4/6) / 3, (0.2 + 0.6 + 1/6) / 3.
        double[] expected = [0.5, 0.625 / 3, 0.875 / 3, (0.4 + 1.0 / 6) / 3, (0.8 + 4.0 / 6) / 3, (0.8 + 1.0 / 6) / 3];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], 6);
        Assert.Equal([0L, 1L], combined.argmax(1).data<long>().ToArray());
    }

    [Fact]
    public void Averaged_logits_are_the_mean_of_the_members_logits()
    {
        using var combined = EnsembleAverager.Combine(Members(), EnsembleAverage.Logits);
        float[] got = combined.data<float>().ToArray();
        double[] expected = [.. Enumerable.Range(0, 6).Select(i => Counts.Average(m => Math.Log(m[i / 3][i % 3])))];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], 5);
    }

    [Fact]
    public void A_vote_counts_each_members_class_and_a_tie_goes_to_the_lowest_class()
    {
        // Row 0: members pick 2, 0, 0 → class 0 (two votes). Row 1: 1, 2, 1 → class 1.
        using var combined = EnsembleAverager.Combine(Members(), EnsembleAverage.Vote);
        Assert.Equal([2f, 0, 1, 0, 2, 1], combined.data<float>().ToArray());
        Assert.Equal([0L, 1L], combined.argmax(1).data<long>().ToArray());
        // Three members, three different classes: one vote each, the lowest class wins.
        Tensor[] split = [tensor(new float[] { 5, 0, 0 }, [1, 3]), tensor(new float[] { 0, 5, 0 }, [1, 3]), tensor(new float[] { 0, 0, 5 }, [1, 3])];
        using var tie = EnsembleAverager.Combine(split, EnsembleAverage.Vote);
        Assert.Equal(0L, tie.argmax(1).item<long>());
    }

    [Fact]
    public void A_three_seed_ensemble_reports_its_members_their_mean_and_the_average_of_their_probabilities()
    {
        const string script = Prefix + """
            train mlp on train epochs=3 batch=16 stats=0
            ensemble mlp seeds=[1, 2, 3] as committee
            evaluate committee on test

            """;
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "ensemble.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);

        TrainedEnsemble ensemble = workspace.Ensembles["committee"];
        Assert.Equal(["seed 1", "seed 2", "seed 3"], ensemble.Members.Select(m => m.Label));
        foreach (long seed in new long[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(folder.Path, $"committee-seed{seed}", "last.ckpt")), $"committee-seed{seed}/last.ckpt");

        var (memberAccuracy, ensembleAccuracy) = Recompute(ensemble, workspace.Dataset("test"));

        var evaluated = Assert.Single(observer.Of<EnsembleEvaluated>());
        Assert.Equal("probabilities", evaluated.Average);
        Assert.Equal(memberAccuracy, evaluated.Members.Select(m => m.Accuracy));
        Assert.Equal(memberAccuracy.Average(), evaluated.MeanAccuracy, 12);
        Assert.Equal(ensembleAccuracy, evaluated.Accuracy, 12);
        // Different seeds give different members.
        Assert.NotEqual(ensemble.Members[0].Model.Module.parameters().First().data<float>().ToArray(),
            ensemble.Members[1].Model.Module.parameters().First().data<float>().ToArray());
    }

    /// <summary>Each member's accuracy and the ensemble's (arg-max of the mean of the members'
    /// softmax probabilities), worked out here from the members' raw outputs.</summary>
    static (List<double> Members, double Ensemble) Recompute(TrainedEnsemble ensemble, NetScript.Data.TensorDataset test)
    {
        long[] labels = test.LabelArray();
        int n = labels.Length, classes = 3, count = ensemble.Members.Count;
        var probabilities = new double[n, classes];
        var memberAccuracy = new List<double>();
        using (no_grad())
        {
            foreach (var member in ensemble.Members)
            {
                member.Model.Module.eval();
                float[] logits = member.Model.Module.call(test.Features).data<float>().ToArray();
                int correct = 0;
                for (int i = 0; i < n; i++)
                {
                    double[] row = [.. Enumerable.Range(0, classes).Select(c => (double)logits[i * classes + c])];
                    double max = row.Max(), sum = row.Sum(v => Math.Exp(v - max));
                    for (int c = 0; c < classes; c++) probabilities[i, c] += Math.Exp(row[c] - max) / sum / count;
                    if (Array.IndexOf(row, max) == labels[i]) correct++;
                }
                memberAccuracy.Add((double)correct / n);
            }
        }
        int ensembleCorrect = Enumerable.Range(0, n).Count(i =>
            Enumerable.Range(0, classes).MaxBy(c => probabilities[i, c]) == labels[i]);
        return (memberAccuracy, (double)ensembleCorrect / n);
    }

    const string Prefix = """
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=60 noise=0.2 as data
        split data into train=0.7 test=0.3 stratify
        model mlp { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.02

        """;

    static float[] Weights(TorchSharp.torch.nn.Module module) => [.. module.parameters().SelectMany(p => p.data<float>().ToArray())];

    /// <summary>Trains <paramref name="shortEpochs"/> epochs of <paramref name="train"/> (its final
    /// weights: Shorter), then, in the returned workspace, <paramref name="longEpochs"/> epochs
    /// followed by `ensemble mlp snapshots=3 as NAME` and `evaluate NAME on test`.</summary>
    static (float[] Shorter, Workspace Workspace, RecordingObserver Events) SnapshotRun(string train, int shortEpochs, int longEpochs, string name)
    {
        float[] shorter;
        using (var plain = new Workspace())
        {
            var run = Pipelines.Execute(Prefix + string.Format(train, shortEpochs) + "\n", plain, new RecordingObserver());
            Assert.True(run.Succeeded, run.Failure?.Message);
            shorter = Weights(plain.Models["mlp"].Module);
        }
        string script = Prefix + string.Format(train, longEpochs) + $"\n\nensemble mlp snapshots=3 as {name}\nevaluate {name} on test\n";
        var observer = new RecordingObserver();
        var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return (shorter, workspace, observer);
    }

    [Fact]
    public void A_snapshot_ensemble_s_members_are_the_last_epochs_weights_and_it_averages_their_probabilities()
    {
        // Full batches in a fixed order: a 3-epoch training passes through the weights a 4-epoch one has after epoch 3.
        const string train = "train mlp on train epochs={0} batch=1000 shuffle=false stats=0 checkpoint=false";
        var (third, snapshots, observer) = SnapshotRun(train, 3, 4, "snap");
        using var workspace = snapshots;

        TrainedEnsemble ensemble = workspace.Ensembles["snap"];
        Assert.Equal(["epoch 2", "epoch 3", "epoch 4"], ensemble.Members.Select(m => m.Label));
        Assert.Equal(third, Weights(ensemble.Members[1].Model.Module));
        Assert.Equal(Weights(workspace.Models["mlp"].Module), Weights(ensemble.Members[2].Model.Module));
        Assert.NotEqual(Weights(ensemble.Members[0].Model.Module), Weights(ensemble.Members[1].Model.Module));

        var (memberAccuracy, ensembleAccuracy) = Recompute(ensemble, workspace.Dataset("test"));
        var evaluated = Assert.Single(observer.Of<EnsembleEvaluated>());
        Assert.Equal(["epoch 2", "epoch 3", "epoch 4"], evaluated.Members.Select(m => m.Member));
        Assert.Equal(memberAccuracy, evaluated.Members.Select(m => m.Accuracy));
        Assert.Equal(memberAccuracy.Average(), evaluated.MeanAccuracy, 12);
        Assert.Equal(ensembleAccuracy, evaluated.Accuracy, 12);
    }

    [Fact]
    public void With_cosine_restarts_a_snapshot_ensemble_s_members_are_the_epochs_cycles_end_with()
    {
        // Warmup 1 epoch, then cycles of 1, 2 and 4 epochs: they end with epochs 2, 4 and 8. The
        // curve does not depend on the training's length, so a 4-epoch training (full batches,
        // fixed order) ends with the weights the 8-epoch one has after epoch 4.
        const string train = "schedule cosine cycle=1 epoch cycle_mult=2 warmup=1 epoch\ntrain mlp on train epochs={0} batch=1000 shuffle=false stats=0 checkpoint=false";
        var (fourth, cycles, observer) = SnapshotRun(train, 4, 8, "cycles");
        using var workspace = cycles;

        TrainedEnsemble ensemble = workspace.Ensembles["cycles"];
        Assert.Equal(["epoch 2", "epoch 4", "epoch 8"], ensemble.Members.Select(m => m.Label));
        Assert.Equal(fourth, Weights(ensemble.Members[1].Model.Module));
        Assert.Equal(Weights(workspace.Models["mlp"].Module), Weights(ensemble.Members[2].Model.Module));
        var evaluated = Assert.Single(observer.Of<EnsembleEvaluated>());
        Assert.Equal(["epoch 2", "epoch 4", "epoch 8"], evaluated.Members.Select(m => m.Member));
    }

    [Fact]
    public void A_top_k_ensemble_s_members_are_the_best_trials_by_best_json_each_with_its_own_width_and_weight_file()
    {
        // Three trials of different widths: the two best differ in architecture, so each member
        // must be built from its own trial's `dense $units`.
        const string script = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=40 noise=0.2 as data
            split data into train=0.6 val=0.2 test=0.2 stratify
            search grid maximize=val_acc {
              units = choice(4, 8, 16)
            }
            model m { dense $units -> relu; dense 3 }
            optimizer adam lr=0.03
            train m on train epochs=4 batch=16 validate=val stats=0
            ensemble m top=2 as best2
            evaluate best2 on test

            """;
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "top.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);

        // The two best completed trials as best.json ranks them.
        using var best = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "best.json")));
        var ranked = best.RootElement.GetProperty("Top").EnumerateArray().ToList();
        Assert.Equal(3, ranked.Count);
        int[] top = [.. ranked.Take(2).Select(r => r.GetProperty("Trial").GetInt32())];
        string[] files = [.. ranked.Take(2).Select(r => r.GetProperty("Models").GetProperty("m").GetString()!)];
        TrainedEnsemble ensemble = workspace.Ensembles["best2"];
        Assert.Equal(top.Select(t => $"trial {t}"), ensemble.Members.Select(m => m.Label));

        // Each member has its trial's width (units = 4, 8, 16 for trials 0, 1, 2) and the weights of its file.
        var test = workspace.Dataset("test");
        long[] labels = test.LabelArray();
        int n = labels.Length, classes = 3;
        var mean = new double[n, classes];
        var memberAccuracy = new List<double>();
        for (int k = 0; k < 2; k++)
        {
            long units = new long[] { 4, 8, 16 }[top[k]];
            var member = ensemble.Members[k].Model;
            Assert.Equal(units * 2 + units + units * 3 + 3, member.ParameterCount);
            using var loaded = NetScript.Runtime.Models.ModelBuilder.Build(member.Plan, workspace.Snippets);
            loaded.load(files[k]);
            Assert.Equal(Weights(loaded), Weights(member.Module));
            loaded.eval();
            float[] logits;
            using (no_grad()) logits = loaded.call(test.Features).data<float>().ToArray();
            int correct = 0;
            for (int i = 0; i < n; i++)
            {
                double[] row = [.. Enumerable.Range(0, classes).Select(c => (double)logits[i * classes + c])];
                double max = row.Max(), sum = row.Sum(v => Math.Exp(v - max));
                for (int c = 0; c < classes; c++) mean[i, c] += Math.Exp(row[c] - max) / sum / 2;
                if (Array.IndexOf(row, max) == labels[i]) correct++;
            }
            memberAccuracy.Add((double)correct / n);
        }

        // The ensemble's probabilities are the mean of the two members' softmax outputs.
        var scores = new List<Tensor>();
        using (no_grad())
        {
            foreach (var member in ensemble.Members)
            {
                member.Model.Module.eval();
                scores.Add(member.Model.Module.call(test.Features));
            }
        }
        using var combined = EnsembleAverager.Combine(scores, ensemble.Average);
        float[] probabilities = combined.data<float>().ToArray();
        for (int i = 0; i < n; i++)
            for (int c = 0; c < classes; c++)
                Assert.Equal(mean[i, c], probabilities[i * classes + c], 5);
        foreach (var score in scores) score.Dispose();

        int ensembleCorrect = Enumerable.Range(0, n).Count(i => Enumerable.Range(0, classes).MaxBy(c => mean[i, c]) == labels[i]);
        var evaluated = Assert.Single(observer.Of<EnsembleEvaluated>());
        Assert.Equal(top.Select(t => $"trial {t}"), evaluated.Members.Select(m => m.Member));
        Assert.Equal(memberAccuracy, evaluated.Members.Select(m => m.Accuracy));
        Assert.Equal(memberAccuracy.Average(), evaluated.MeanAccuracy, 12);
        Assert.Equal((double)ensembleCorrect / n, evaluated.Accuracy, 12);
    }

    [Fact]
    public void A_top_k_member_whose_loss_owns_parameters_gets_them_from_the_trial_s_loss_file()
    {
        // Hierarchical softmax owns the output layer: it is saved beside the model (m.loss.pt) and
        // read back, so the best trial's member equals the session's model, loss included.
        const string script = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=30 noise=0.2 as data
            split data into train=0.6 val=0.2 test=0.2 stratify
            search grid maximize=val_acc {
              units = choice(8, 16)
            }
            model m { dense $units -> relu }
            optimizer adam lr=0.02
            train m on train epochs=2 batch=16 validate=val stats=0 loss=hierarchical_softmax
            ensemble m top=2 as both
            evaluate both on test

            """;
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "top.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        foreach (string trial in new[] { "0000", "0001" })
            Assert.True(File.Exists(Path.Combine(folder.Path, "trials", trial, "m.loss.pt")), $"trials/{trial}/m.loss.pt");

        var best = workspace.Models["m"];
        var member = workspace.Ensembles["both"].Members[0].Model;
        Assert.Equal(Weights(best.Module), Weights(member.Module));
        Assert.Equal(Weights(best.Loss!), Weights(member.Loss!));
        Assert.NotEmpty(Weights(member.Loss!));
        Assert.Single(observer.Of<EnsembleEvaluated>());
    }

    [Fact]
    public void A_top_k_member_whose_weight_file_is_gone_is_a_diagnostic_naming_the_trial_and_file()
    {
        // The trials' weight files are read when the ensemble runs: delete them as the last trial finishes.
        const string script = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=30 noise=0.2 as data
            split data into train=0.6 val=0.2 test=0.2 stratify
            search grid maximize=val_acc {
              units = choice(4, 8)
            }
            model m { dense $units -> relu; dense 3 }
            train m on train epochs=1 batch=16 validate=val stats=0
            ensemble m top=2

            """;
        var folder = RunFolder.Create(Scripts.TempDirectory(), "top.nns", script);
        var observer = new DeletingObserver(folder.Path);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal("NS0457", failure.Id);
        Assert.Contains("`ensemble m top=2` takes trial ", failure.Message);
        Assert.Contains("m.pt is missing", failure.Message);
        Assert.Equal(10, failure.Location?.Line);
    }

    [Fact]
    public void When_building_a_member_fails_the_members_built_before_it_are_disposed()
    {
        var plan = NetScript.Tests.Runtime.Training.EnginePlans.Plan("dense 3", NetScript.Language.Semantics.Shape.Of(2));
        var first = new NetScript.Runtime.Models.TrainedModel(plan, NetScript.Runtime.Models.ModelBuilder.Build(plan));
        Tensor weight = first.Module.parameters().First();
        var failure = Assert.Throws<NetScript.Runtime.RuntimeFailure>(() => ModelExecutor.Members(added =>
        {
            added.Add(new TrainedEnsemble.Member("seed 1", first));
            throw new NetScript.Runtime.RuntimeFailure("the second member's training failed");
        }));
        Assert.Equal("the second member's training failed", failure.Message);
        Assert.True(weight.IsInvalid, "the first member's weights were not disposed");

        using var kept = new NetScript.Runtime.Models.TrainedModel(plan, NetScript.Runtime.Models.ModelBuilder.Build(plan));
        var members = ModelExecutor.Members(added => added.Add(new TrainedEnsemble.Member("seed 1", kept)));
        Assert.Same(kept, Assert.Single(members).Model);
        Assert.False(kept.Module.parameters().First().IsInvalid);
    }

    /// <summary>Deletes every trial's weight files once the search has ended.</summary>
    sealed class DeletingObserver(string run) : NetScript.Runtime.Events.IRunObserver
    {
        public void OnEvent(RunEvent e)
        {
            if (e is SearchCompleted)
                foreach (string file in Directory.GetFiles(Path.Combine(run, "trials"), "*.pt", SearchOption.AllDirectories)) File.Delete(file);
        }
    }
}

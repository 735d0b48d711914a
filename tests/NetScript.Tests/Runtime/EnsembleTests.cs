using NetScript.Language.Lowering;
using NetScript.Runtime.Ensembles;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime;

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
        const string script = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=60 noise=0.2 as data
            split data into train=0.7 test=0.3 stratify
            model mlp { dense 16 -> relu; dense 3 }
            optimizer adam lr=0.02
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
        Assert.Equal([1L, 2L, 3L], ensemble.Members.Select(m => m.Seed));
        foreach (long seed in new long[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(folder.Path, $"committee-seed{seed}", "last.ckpt")), $"committee-seed{seed}/last.ckpt");

        var test = workspace.Dataset("test");
        long[] labels = test.LabelArray();
        int n = labels.Length, classes = 3;
        // Each member's probabilities, worked out here from its raw outputs.
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
                    for (int c = 0; c < classes; c++) probabilities[i, c] += Math.Exp(row[c] - max) / sum / 3;
                    if (Array.IndexOf(row, max) == labels[i]) correct++;
                }
                memberAccuracy.Add((double)correct / n);
            }
        }
        int ensembleCorrect = Enumerable.Range(0, n).Count(i =>
            Enumerable.Range(0, classes).MaxBy(c => probabilities[i, c]) == labels[i]);

        var evaluated = Assert.Single(observer.Of<EnsembleEvaluated>());
        Assert.Equal("probabilities", evaluated.Average);
        Assert.Equal(memberAccuracy, evaluated.Members.Select(m => m.Accuracy));
        Assert.Equal(memberAccuracy.Average(), evaluated.MeanAccuracy, 12);
        Assert.Equal((double)ensembleCorrect / n, evaluated.Accuracy, 12);
        // Different seeds give different members.
        Assert.NotEqual(ensemble.Members[0].Model.Module.parameters().First().data<float>().ToArray(),
            ensemble.Members[1].Model.Module.parameters().First().data<float>().ToArray());
    }
}

using NetScript.Language.Semantics;
using NetScript.Runtime.Training.Losses;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training.Losses;

[Collection(TorchCollection.Name)]
public sealed class HierarchicalSoftmaxTests
{
    static HierarchicalSoftmax Create(int hidden, int classes) =>
        (HierarchicalSoftmax)LossTests.Create("hierarchical_softmax", Shape.Of(hidden), classes);

    static void Set(LossFunction loss, float[] weight, float[] bias)
    {
        using var noGrad = no_grad();
        var p = loss.named_parameters().ToDictionary(n => n.name, n => n.parameter);
        p["weight"].copy_(tensor(weight).view(p["weight"].shape));
        p["bias"].copy_(tensor(bias));
    }

    [Fact]
    public void The_tree_splits_classes_in_halves()
    {
        // 3 classes: the root sends {0, 1} left and {2} right; node 1 splits 0 | 1.
        var (nodes, signs) = HierarchicalSoftmax.BuildTree(3);
        Assert.Equal([0L, 1, 0, 1, 0, 0], nodes.data<long>().ToArray());
        Assert.Equal([1f, 1, 1, -1, -1, 0], signs.data<float>().ToArray());
    }

    [Fact]
    public void Loss_is_the_negative_log_of_the_product_of_path_decisions()
    {
        // Node scores w·h + b with W = I, b = 0, h = (1, 2): root 1, node1 2.
        using var loss = Create(hidden: 2, classes: 3);
        Set(loss, [1, 0, 0, 1], [0, 0]);
        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        double[] p = [Sigmoid(1) * Sigmoid(2), Sigmoid(1) * Sigmoid(-2), Sigmoid(-1)];
        Assert.Equal(1, p.Sum(), 12);
        using var scope = NewDisposeScope();
        Tensor hidden = tensor(new float[] { 1, 2, 1, 2, 1, 2 }).view(3, 2);
        Tensor labels = tensor(new long[] { 0, 1, 2 });
        Assert.Equal(-p.Select(v => Math.Log(v)).Average(), loss.call(hidden, labels).item<float>(), 5);
        float[] scores = loss.ClassScores(hidden).data<float>().ToArray(); // log P per class
        for (int c = 0; c < 3; c++) Assert.Equal(Math.Log(p[c]), scores[c], 5);
        Assert.Equal(1L, loss.Correct(hidden, labels).item<long>()); // class 0 is the most likely
    }

    [Fact]
    public void Class_probabilities_sum_to_one_and_match_the_training_path()
    {
        manual_seed(4);
        using var loss = Create(hidden: 6, classes: 11);
        using var scope = NewDisposeScope();
        Tensor hidden = randn(5, 6);
        Tensor scores = loss.ClassScores(hidden);                                   // (5, 11)
        Assert.True((scores.exp().sum(1) - 1).abs().max().item<float>() < 1e-5);
        Tensor labels = tensor(new long[] { 0, 3, 7, 10, 5 });
        double viaPaths = loss.call(hidden, labels).item<float>();
        double viaAll = -scores.gather(1, labels.unsqueeze(1)).mean().item<float>();
        Assert.Equal(viaAll, viaPaths, 5);
        Assert.Equal(10L * 7, loss.parameters().Sum(p => p.numel()));             // (C − 1)(H + 1), as the checker says
        Assert.Equal(70, LayerShapes.LossParameters(new LossSettings(BoundArguments.Defaults(NetScript.Language.Schema.LossSchema.HierarchicalSoftmax)), Shape.Of(6), 11));
    }

    [Fact]
    public void With_zero_weights_each_decision_is_a_coin_flip()
    {
        using var loss = Create(hidden: 3, classes: 4);
        Set(loss, new float[9], new float[3]);
        using var scope = NewDisposeScope();
        // Four leaves at depth 2: every class has probability ¼, as a uniform softmax.
        Assert.Equal(Math.Log(4), loss.call(randn(2, 3), tensor(new long[] { 1, 3 })).item<float>(), 5);
    }
}

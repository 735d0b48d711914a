using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

[Collection(TorchCollection.Name)]
public sealed class EvaluatorTests
{
    // Identity "model" on 2-D inputs: logits = X. Samples and labels chosen by hand.
    static readonly float[] X = [2, 0, 0, 1, 1, 1, 0, 3, 5, 4];
    static readonly long[] Y = [0, 1, 1, 0, 1];

    static LossFunction CrossEntropy() => LossFactory.Create(new CrossEntropyLoss(0) { Target = LossTarget.Classes }, Shape.Of(2), classes: 2);

    [Fact]
    public void Loss_and_accuracy_match_a_hand_computation_across_batches()
    {
        using var data = TensorDataset.FromArrays(X, [2], Y, classes: 2);
        using var model = nn.Sequential(("id", nn.Identity()));

        double expectedLoss = 0;
        int correct = 0;
        for (int i = 0; i < 5; i++)
        {
            double a = X[2 * i], b = X[2 * i + 1];
            double logSumExp = Math.Log(Math.Exp(a) + Math.Exp(b));
            expectedLoss += logSumExp - (Y[i] == 0 ? a : b);     // −log softmax(target)
            correct += (a > b ? 0 : b > a ? 1 : 0) == Y[i] ? 1 : 0; // argmax takes the first on ties
        }
        expectedLoss /= 5;

        using var loss = CrossEntropy();
        var metrics = Evaluator.Evaluate(model, loss, data, batchSize: 2);
        Assert.Equal(expectedLoss, metrics.Loss, 6);
        Assert.Equal(correct / 5.0, metrics.Accuracy);
        Assert.Equal(0.4, metrics.Accuracy); // rows 1 and 2 are right; row 2 ties (argmax 0, label 1) is wrong
    }

    [Fact]
    public void Evaluating_with_class_scores_runs_each_batch_through_the_model_once()
    {
        // An ensemble's members are measured and averaged from one pass over the data.
        using var data = TensorDataset.FromArrays(X, [2], Y, classes: 2);
        using var model = nn.Sequential(("id", nn.Identity()));
        int calls = 0;
        model.register_forward_hook((_, _, _) =>
        {
            calls++;
            return null!; // null keeps the output
        });
        using var loss = CrossEntropy();
        NetScript.Runtime.Events.Metrics alone = Evaluator.Evaluate(model, loss, data, batchSize: 2, topK: 1);
        Assert.Equal(3, calls);
        calls = 0;
        using var scope = NewDisposeScope();
        var (metrics, scores) = Evaluator.EvaluateWithScores(model, loss, data, batchSize: 2, topK: 1);
        Assert.Equal(3, calls); // batches of 2, 2 and 1
        Assert.Equal(alone, metrics);
        Assert.Equal(new long[] { 5, 2 }, scores!.shape);
        Assert.Equal(X, scores.data<float>().ToArray()); // the identity's logits are its inputs

        using var regression = LossFactory.Create(new SquaredErrorLoss(), Shape.Of(2), classes: 0);
        using var targets = new TensorDataset(tensor(X).reshape(5, 2), tensor(X).reshape(5, 2), classes: 0);
        Assert.Null(Evaluator.EvaluateWithScores(model, regression, targets, batchSize: 2).ClassScores);
    }
}

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
    [Fact]
    public void Loss_and_accuracy_match_a_hand_computation_across_batches()
    {
        // Identity "model" on 2-D inputs: logits = x. Samples and labels chosen by hand.
        float[] x = [2, 0, 0, 1, 1, 1, 0, 3, 5, 4];
        long[] y = [0, 1, 1, 0, 1];
        using var data = TensorDataset.FromArrays(x, [2], y, classes: 2);
        using var model = nn.Sequential(("id", nn.Identity()));

        double expectedLoss = 0;
        int correct = 0;
        for (int i = 0; i < 5; i++)
        {
            double a = x[2 * i], b = x[2 * i + 1];
            double logSumExp = Math.Log(Math.Exp(a) + Math.Exp(b));
            expectedLoss += logSumExp - (y[i] == 0 ? a : b);     // −log softmax(target)
            correct += (a > b ? 0 : b > a ? 1 : 0) == y[i] ? 1 : 0; // argmax takes the first on ties
        }
        expectedLoss /= 5;

        using var loss = LossFactory.Create(new CrossEntropyLoss(0) { Target = LossTarget.Classes }, Shape.Of(2), classes: 2);
        var metrics = Evaluator.Evaluate(model, loss, data, batchSize: 2);
        Assert.Equal(expectedLoss, metrics.Loss, 6);
        Assert.Equal(correct / 5.0, metrics.Accuracy);
        Assert.Equal(0.4, metrics.Accuracy); // rows 1 and 2 are right; row 2 ties (argmax 0, label 1) is wrong
    }
}

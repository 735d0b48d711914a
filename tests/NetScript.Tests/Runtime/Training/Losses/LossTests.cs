using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Training.Losses;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Training.Losses;

/// <summary>Every built-in loss against a value computed by hand from its formula.</summary>
[Collection(TorchCollection.Name)]
public sealed class LossTests
{
    /// <summary>The loss as the checker binds `loss=TEXT` on a train statement.</summary>
    internal static LossFunction Create(string loss, Shape output, int classes = 3)
    {
        LossTarget kind = LossSchema.TargetOf(loss.Split('(')[0]);
        bool realTargets = kind is LossTarget.Real or LossTarget.MultiLabel || kind == LossTarget.Binary && classes != 2;
        TrainPlan step = EnginePlans.Lowered($"dense {output.Elements}", Shape.Of(2), classes, targets: realTargets ? output : null, train: $"loss={loss}");
        return LossFactory.Create(step.Loss, output, classes);
    }

    static double Value(LossFunction loss, float[,] scores, Tensor target)
    {
        using var scope = NewDisposeScope();
        return loss.call(tensor(scores), target).item<float>();
    }

    static readonly float[,] Svm = { { 3.2f, 5.1f, -1.7f }, { 1.3f, 4.9f, 2.0f }, { 2.2f, 2.5f, -3.1f } };

    [Fact]
    public void Multiclass_hinge_is_the_notes_example()
    {
        // CS231n's cat/car/frog scores: per-sample losses 2.9, 0 and 12.9.
        using var labels = tensor(new long[] { 0, 1, 2 });
        using var hinge = Create("hinge", Shape.Of(3));
        Assert.Equal((2.9 + 0 + 12.9) / 3, Value(hinge, Svm, labels), 5);
        using var squared = Create("squared_hinge", Shape.Of(3));
        Assert.Equal((2.9 * 2.9 + 0 + 6.3 * 6.3 + 6.6 * 6.6) / 3, Value(squared, Svm, labels), 4);
        using var margin = Create("hinge(margin=0)", Shape.Of(3));
        Assert.Equal((1.9 + 0 + 5.3 + 5.6) / 3, Value(margin, Svm, labels), 5);
        using var scope = NewDisposeScope();
        Assert.Equal(1L, hinge.Correct(tensor(Svm), labels).item<long>()); // only the car is scored right
    }

    [Fact]
    public void Cross_entropy_with_and_without_label_smoothing()
    {
        float[,] scores = { { 2, 1, 0 } };
        using var label = tensor(new long[] { 0 });
        double z = Math.Exp(2) + Math.Exp(1) + 1;
        double[] logp = [2 - Math.Log(z), 1 - Math.Log(z), -Math.Log(z)];
        using var plain = Create("cross_entropy", Shape.Of(3));
        Assert.Equal(-logp[0], Value(plain, scores, label), 5);
        // Smoothing ε: target (1−ε)·onehot + ε/C, so the loss is (1−ε)·(−log p_y) + ε·mean_j(−log p_j).
        using var smooth = Create("cross_entropy(label_smoothing=0.1)", Shape.Of(3));
        Assert.Equal(0.9 * -logp[0] + 0.1 * -logp.Average(), Value(smooth, scores, label), 5);
    }

    [Fact]
    public void Regression_losses_on_the_same_errors()
    {
        float[,] output = { { 0.5f, -1f, 3f } };
        using var target = zeros(1, 3);
        double Of(string loss) { using var l = Create(loss, Shape.Of(3)); return Value(l, output, target); }
        Assert.Equal((0.25 + 1 + 9) / 3, Of("mse"), 5);
        Assert.Equal((0.5 + 1 + 3) / 3, Of("l1"), 5);
        Assert.Equal((0.125 + 0.5 + 2.5) / 3, Of("huber"), 5);                         // ½Δ² inside δ=1, δ(|Δ|−½δ) outside
        Assert.Equal((0.125 + 0.5 * (1 - 0.25) + 0.5 * (3 - 0.25)) / 3, Of("huber(delta=0.5)"), 5);
        // Tukey with c = 2, K = c²/6: errors 0.5 and 1 inside, 3 beyond c costs K.
        double k = 4.0 / 6;
        double Tukey(double r) => Math.Abs(r) <= 2 ? k * (1 - Math.Pow(1 - r * r / 4, 3)) : k;
        Assert.Equal((Tukey(0.5) + Tukey(-1) + Tukey(3)) / 3, Of("tukey(c=2)"), 5);
    }

    [Fact]
    public void Tukey_gives_outliers_no_gradient()
    {
        using var tukey = Create("tukey(c=2)", Shape.Of(3));
        using var output = tensor(new float[] { 0.5f, -1f, 3f }).view(1, 3).requires_grad_();
        tukey.call(output, zeros(1, 3)).backward();
        float[] grad = output.grad!.data<float>().ToArray();
        Assert.Equal(0f, grad[2]);                      // beyond c the loss is flat
        Assert.True(grad[0] > 0 && grad[1] < 0);        // inside it pulls towards the target
    }

    [Fact]
    public void Binary_and_attribute_losses()
    {
        // Scores 0.5, −2, 3 for labels 1, 0, 0: σ-decisions right, right, wrong.
        float[,] scores = { { 0.5f, -2f, 3f } };
        using var labels = tensor(new float[] { 1, 0, 0 }).view(1, 3);
        double[] logistic = [Math.Log(1 + Math.Exp(-0.5)), Math.Log(1 + Math.Exp(-2)), Math.Log(1 + Math.Exp(3))];
        using var bce = Create("binary_cross_entropy", Shape.Of(3));
        Assert.Equal(logistic.Average(), Value(bce, scores, labels), 5);                  // mean over outputs
        using var logisticLoss = Create("multilabel_logistic", Shape.Of(3));
        Assert.Equal(logistic.Sum(), Value(logisticLoss, scores, labels), 5);             // Σ over labels per sample
        using var hinge = Create("multilabel_hinge", Shape.Of(3));
        Assert.Equal(0.5 + 0 + 4, Value(hinge, scores, labels), 5);                         // Σ max(0, 1 − y·f), y = ±1
        using var scope = NewDisposeScope();
        Assert.Equal(2L, hinge.Correct(tensor(scores), labels).item<long>());
        Assert.Equal(3, hinge.DecisionsPerSample);
    }

    [Fact]
    public void Binary_cross_entropy_takes_two_class_labels_as_one_output()
    {
        using var bce = Create("binary_cross_entropy", Shape.Of(1), classes: 2);
        using var labels = tensor(new long[] { 1, 0 });
        float[,] scores = { { 0f }, { 2f } };
        Assert.Equal((Math.Log(2) + Math.Log(1 + Math.Exp(2))) / 2, Value(bce, scores, labels), 5);
        using var scope = NewDisposeScope();
        Assert.Equal(0L, bce.Correct(tensor(scores), labels).item<long>()); // 0 is not above 0; 2 says "1" for a 0
    }
}

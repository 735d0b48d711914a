using NetScript.Language.Lowering;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;

namespace NetScript.Runtime.Training.Losses;

/// <summary>A lowered loss → a loss module for a model with the given output width (and the
/// dataset's class count, for hierarchical softmax). A C# loss is taken from the snippet
/// compiler that checked it (a cache hit; the process-wide one when none is given).</summary>
public static class LossFactory
{
    public static LossFunction Create(LossSpec loss, Shape output, int classes, SnippetCompiler? snippets = null) => loss switch
    {
        CSharpLoss c => new SnippetLoss(CheckedSnippets.Compile(snippets ?? SnippetCompiler.Default, c.Snippet.Source), c.Snippet, loss.Target == LossTarget.Classes),
        CrossEntropyLoss c => ClassificationLoss.CrossEntropy(c.LabelSmoothing, c.OnProbabilities),
        HingeLoss h => ClassificationLoss.Hinge(h.Margin, h.Squared),
        SquaredErrorLoss => new RegressionLoss(loss.Kind, RegressionLoss.Formula.Squared),
        AbsoluteErrorLoss => new RegressionLoss(loss.Kind, RegressionLoss.Formula.Absolute),
        HuberLoss h => new RegressionLoss(loss.Kind, RegressionLoss.Formula.Huber, h.Delta),
        TukeyLoss t => new RegressionLoss(loss.Kind, RegressionLoss.Formula.Tukey, t.C),
        BinaryCrossEntropyLoss => new MultiLabelLoss(loss.Kind, MultiLabelLoss.Formula.MeanLogistic, output.Elements),
        MultiLabelLogisticLoss => new MultiLabelLoss(loss.Kind, MultiLabelLoss.Formula.SummedLogistic, output.Elements),
        MultiLabelHingeLoss h => new MultiLabelLoss(loss.Kind, MultiLabelLoss.Formula.SummedHinge, output.Elements, h.Margin),
        HierarchicalSoftmaxLoss => new HierarchicalSoftmax(output.Elements, classes),
        _ => throw new RuntimeFailure($"loss `{loss.Kind}` has no runtime implementation"),
    };
}

using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;

namespace NetScript.Runtime.Training.Losses;

/// <summary>Checked loss settings → a loss module for a model with the given output width
/// (and the dataset's class count, for hierarchical softmax). A C# loss is taken from the snippet
/// compiler that checked it (a cache hit; the process-wide one when none is given).</summary>
public static class LossFactory
{
    public static LossFunction Create(LossSettings loss, Shape output, int classes, SnippetCompiler? snippets = null)
    {
        if (loss.Snippet is { } use)
            return new SnippetLoss(CheckedSnippets.Compile(snippets ?? SnippetCompiler.Default, use.Source), use, loss.Target == LossTarget.Classes);
        BoundArguments a = loss.Arguments;
        return loss.Kind switch
        {
            "cross_entropy" => ClassificationLoss.CrossEntropy(a.Number("label_smoothing")),
            "hinge" => ClassificationLoss.Hinge(a.Number("margin"), squared: false),
            "squared_hinge" => ClassificationLoss.Hinge(a.Number("margin"), squared: true),
            "mse" or "l1" => new RegressionLoss(loss.Kind),
            "huber" => new RegressionLoss("huber", a.Number("delta")),
            "tukey" => new RegressionLoss("tukey", a.Number("c")),
            "binary_cross_entropy" or "multilabel_logistic" => new MultiLabelLoss(loss.Kind, output.Elements),
            "multilabel_hinge" => new MultiLabelLoss(loss.Kind, output.Elements, a.Number("margin")),
            "hierarchical_softmax" => new HierarchicalSoftmax(output.Elements, classes),
            _ => throw new RuntimeFailure($"loss `{loss.Kind}` has no runtime implementation"),
        };
    }
}

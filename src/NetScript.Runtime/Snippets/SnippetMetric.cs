using NetScript.Language.Semantics;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Snippets;

/// <summary>A <c>metric NAME = csharp { … }</c> as a run measures it: called once on the whole
/// dataset's predictions and targets, so a metric that does not average over samples (a median,
/// an F1 score) means what it says. The values are read back as float64.</summary>
public sealed class SnippetMetric(CompiledSnippet snippet, SnippetTarget targets)
{
    public string Name => snippet.Source.Name ?? "metric";

    /// <param name="predictions">(N, …) the model's outputs over the dataset.</param>
    /// <param name="labels">(N) or (N, …) the dataset's labels as stored.</param>
    public double Measure(Tensor predictions, Tensor labels)
    {
        using var scope = NewDisposeScope();
        Tensor value = snippet.Invoke(predictions, SnippetTargets.Align(labels, targets));
        return value.detach().to_type(ScalarType.Float64).item<double>();
    }

    public static SnippetMetric Create(SnippetCompiler compiler, SnippetUse use) => new(CheckedSnippets.Compile(compiler, use.Source), use.Targets);
}

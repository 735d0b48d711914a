using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Scripting.Probing;

/// <summary>One probe run: the dummy data's generator and the diagnostics found so far.</summary>
internal sealed class ProbeContext(CompiledSnippet snippet, Generator generator)
{
    readonly List<SnippetDiagnostic> _diagnostics = [];

    public CompiledSnippet Snippet => snippet;

    public SnippetImage Image => snippet.Image;

    public Generator Generator => generator;

    /// <summary>Random input that, like a model's activations, is not a leaf of the graph: in-place
    /// edits and gradients then behave as they will in training.</summary>
    public Tensor Input(long[] shape) => torch.randn(shape, generator: generator, requires_grad: true).clone();

    /// <summary>The snippet threw on the dummy batch: reported at the snippet line that failed.</summary>
    public SnippetCheck Fail(Exception exception, string dummy, string context = "")
    {
        _diagnostics.Add(Image.DiagnosticFor(DiagnosticCatalog.SnippetProbeFailed, exception,
            SnippetDiagnostic.Noun, dummy, context + SnippetFailures.Describe(exception)));
        return Done(null);
    }

    /// <summary>What the snippet returned breaks its contract: reported at its result expression.</summary>
    public SnippetCheck Result(DiagnosticDescriptor descriptor, params object?[] arguments)
    {
        Report(descriptor, arguments);
        return Done(null);
    }

    public void Report(DiagnosticDescriptor descriptor, params object?[] arguments) =>
        _diagnostics.Add(new SnippetDiagnostic(descriptor, Image.ResultStart, Image.ResultLength, [SnippetDiagnostic.Noun, .. arguments]));

    public SnippetCheck Done(Shape? output) => new([.. _diagnostics.Select(d => d.At(snippet.Source))], output);
}

using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using static TorchSharp.torch;

namespace NetScript.Scripting;

/// <summary>A snippet compiled into a delegate, positioned at one place in a script. Calls cost
/// what a host lambda costs (no Roslyn on the hot path); a failure inside the snippet surfaces
/// as a <see cref="SnippetException"/> at the snippet line that failed.</summary>
public sealed class CompiledSnippet
{
    readonly SnippetImage _image;

    internal CompiledSnippet(SnippetSource source, SnippetImage image)
    {
        Source = source;
        _image = image;
        Diagnostics = [.. image.Diagnostics.Select(d => d.At(source))];
    }

    public SnippetSource Source { get; }

    public SnippetKind Kind => Source.Kind;

    /// <summary>C# errors and warnings (Roslyn's CSxxxx IDs) and NS08xx, at script positions.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public SnippetOrigin Origin => _image.Origin;

    /// <summary>Time spent compiling (or loading from the disk cache) this snippet's text, once
    /// per process; later uses of the same text are free.</summary>
    public TimeSpan CompileTime => _image.Elapsed;

    internal SnippetImage Image => _image;

    /// <summary>A loss or metric: <c>(pred, target) =&gt; scalar</c>. Throws
    /// <see cref="SnippetException"/> when the snippet throws, returns null, or returns more than
    /// one value (e.g. on a last, smaller batch).</summary>
    public Tensor Invoke(Tensor prediction, Tensor target)
    {
        var function = _image.Function as Func<Tensor, Tensor, Tensor> ?? throw NotCallable("(pred, target)");
        Tensor? result;
        try
        {
            result = function(prediction, target);
        }
        catch (Exception e)
        {
            throw Failure(e);
        }
        if (result is null) throw ResultFailure(DiagnosticCatalog.SnippetResultType, SnippetDiagnostic.Noun, "a scalar tensor", "null");
        if (result.numel() != 1)
            throw ResultFailure(DiagnosticCatalog.SnippetNotScalar, SnippetDiagnostic.Noun, Shapes.Format(result.shape), prediction.size(0));
        return result;
    }

    /// <summary>A layer: <c>x =&gt; y</c>, keeping the batch dimension.</summary>
    public Tensor Invoke(Tensor input)
    {
        var function = _image.Function as Func<Tensor, Tensor> ?? throw NotCallable("(x)");
        Tensor? result;
        try
        {
            result = function(input);
        }
        catch (Exception e)
        {
            throw Failure(e);
        }
        if (result is null) throw ResultFailure(DiagnosticCatalog.SnippetResultType, SnippetDiagnostic.Noun, "a tensor", "null");
        if (result.dim() == 0 || result.size(0) != input.size(0))
            throw ResultFailure(DiagnosticCatalog.SnippetLayerBatch, SnippetDiagnostic.Noun,
                $"for an input of shape {Shapes.Format(input.shape)} it returned shape {Shapes.Format(result.shape)}");
        return result;
    }

    /// <summary>The layer as a module for a model chain: it has no parameters, and hosts call it
    /// with <c>call</c> so forward hooks (live statistics) see it like any built-in layer.</summary>
    public nn.Module<Tensor, Tensor> ToModule(string name) =>
        Kind == SnippetKind.Layer && !HasErrors ? new SnippetLayer(name, this) : throw NotCallable("(x)");

    SnippetException Failure(Exception exception) =>
        new(_image.DiagnosticFor(DiagnosticCatalog.SnippetRuntimeError, exception,
            SnippetDiagnostic.Noun, SnippetFailures.Describe(exception)).At(Source), exception);

    SnippetException ResultFailure(DiagnosticDescriptor descriptor, params object?[] arguments) =>
        new(new SnippetDiagnostic(descriptor, _image.ResultStart, _image.ResultLength, arguments).At(Source));

    InvalidOperationException NotCallable(string arguments) => new(HasErrors
        ? $"{Source.Noun} has errors and cannot be called"
        : $"{Source.Noun} is a {Kind.ToString().ToLowerInvariant()}; it cannot be called with {arguments}");
}

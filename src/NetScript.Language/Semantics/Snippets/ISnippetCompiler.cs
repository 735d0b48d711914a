namespace NetScript.Language.Semantics;

/// <summary>Compiles and checks C# snippets for the checker. Implemented by NetScript.Scripting
/// (Roslyn, TorchSharp), so the language itself references neither.</summary>
public interface ISnippetCompiler
{
    /// <summary>Compiles <paramref name="snippet"/> (or takes it from a cache) and reports its C#
    /// errors at script positions. With a <paramref name="probe"/> and no compile errors, also
    /// runs it once on a dummy batch of the probe's shapes and checks its contract: a loss
    /// returns a scalar through which a gradient flows from the prediction, a metric returns a
    /// scalar, a layer keeps the batch dimension (its output shape is returned). Never throws
    /// for bad user code.</summary>
    SnippetCheck Check(SnippetSource snippet, SnippetProbe? probe, CancellationToken cancellation = default);
}

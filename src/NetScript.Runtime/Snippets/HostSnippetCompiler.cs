using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting;

namespace NetScript.Runtime.Snippets;

/// <summary>The <see cref="ISnippetCompiler"/> hosts hand the checker: compiles with
/// <see cref="Compiler"/> (the same one the run then takes the compiled snippets from) and loads
/// libtorch before a probe. When libtorch cannot be loaded (e.g. `netscript check` on a machine
/// without it), a snippet is compiled only, with a warning saying so (NS0812).</summary>
public sealed class HostSnippetCompiler(SnippetCompiler compiler, Func<string?>? libtorchError = null) : ISnippetCompiler
{
    readonly Func<string?> _libtorchError = libtorchError ?? (() => TorchRuntime.LoadError);

    public SnippetCompiler Compiler { get; } = compiler;

    public SnippetCheck Check(SnippetSource snippet, SnippetProbe? probe, CancellationToken cancellation = default)
    {
        if (probe is null || _libtorchError() is not { } error) return Compiler.Check(snippet, probe, cancellation);
        SnippetCheck compiled = Compiler.Check(snippet, null, cancellation);
        if (compiled.HasErrors) return compiled;
        var bag = new DiagnosticBag(snippet.Source);
        bag.Report(DiagnosticCatalog.SnippetNotProbed, snippet.CodeSpan, snippet.Noun, FirstSentence(error));
        return compiled with { Diagnostics = compiled.Diagnostics.AddRange(bag) };
    }

    static string FirstSentence(string text) => text.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? text[..end] : text.TrimEnd('.');
}

using System.Collections.Concurrent;

namespace NetScript.Language.Diagnostics;

// C# snippets (NetScript.Scripting). The C# compiler's own errors keep Roslyn's ID (CS0103…)
// so users can look them up; everything NetScript adds about snippets is NS08xx.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SnippetNotScalar =
        Error("NS0801", "Snippet result is not a scalar",
            "{0} must return a scalar, but returned shape {1} for a batch of {2}; reduce it over the batch, e.g. with `.mean()`");

    public static readonly DiagnosticDescriptor SnippetNoGradient =
        Error("NS0802", "Loss does not depend on the prediction",
            "{0} does not depend on `{1}`: no gradient flows from the prediction to its result {2}, so training could not learn from it; compute it from `{1}` with differentiable tensor operations");

    public static readonly DiagnosticDescriptor SnippetResultType =
        Error("NS0803", "Snippet result type", "{0} must return {1}, but returned {2}");

    public static readonly DiagnosticDescriptor SnippetLayerBatch =
        Error("NS0804", "Layer changes the batch dimension", "{0} must keep the batch dimension first and its other dimensions independent of the batch size: {1}");

    public static readonly DiagnosticDescriptor SnippetLayerDetached =
        Warning("NS0805", "Layer ignores its input",
            "{0} returns a result through which no gradient flows back to its input, so the layers before it will not train");

    public static readonly DiagnosticDescriptor SnippetProbeFailed =
        Error("NS0806", "Snippet failed on a dummy batch", "{0} failed on a dummy batch of {1}: {2}");

    public static readonly DiagnosticDescriptor SnippetRuntimeError =
        Error("NS0807", "Snippet failed", "{0} failed: {1}");

    public static readonly DiagnosticDescriptor SnippetUnguardedMatmul =
        Error("NS0808", "Unguarded matmul",
            "`{0}` can only be called directly in a snippet (as in `a.matmul(b)`): NetScript checks the shapes before each call because a mismatch inside matmul aborts the whole process in this TorchSharp");

    public static readonly DiagnosticDescriptor SnippetDirective =
        Error("NS0809", "Unsupported snippet directive",
            "`#{0}` is not supported in a snippet: snippets see TorchSharp and the .NET libraries only, so that a cached compilation stays valid");

    public static readonly DiagnosticDescriptor DefinitionShadowsBuiltin =
        Error("NS0810", "Name of a built-in", "`{0}` is a built-in {1}; give the {1} another name");

    public static readonly DiagnosticDescriptor SnippetsUnavailable =
        Error("NS0811", "C# snippets unavailable", "{0} cannot be compiled: this host has no compiler for C# snippets");

    public static readonly DiagnosticDescriptor SnippetNotProbed =
        Warning("NS0812", "Snippet not test-run",
            "{0} compiled, but was not run on a dummy batch ({1}), so shapes that depend on it are not checked");

    public static readonly DiagnosticDescriptor DefinitionWithArguments =
        Error("NS0813", "Named definition with arguments", "{0} `{1}` has its arguments fixed where it is defined (line {2}); use it by name alone");

    static readonly ConcurrentDictionary<(string Id, DiagnosticSeverity Severity), DiagnosticDescriptor> s_csharp = new();

    /// <summary>A C# compiler diagnostic inside a snippet, rendered with Roslyn's own ID
    /// (<c>error CS0103: The name 'targt' does not exist in the current context</c>). One
    /// descriptor per ID; not listed in <see cref="All"/>, which holds NetScript's own IDs.</summary>
    public static DiagnosticDescriptor CSharp(string id, DiagnosticSeverity severity) =>
        s_csharp.GetOrAdd((id, severity), key => new DiagnosticDescriptor(key.Id, key.Severity, "C# compiler", "{0}"));
}

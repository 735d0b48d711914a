using NetScript.Language.Semantics;
using NetScript.Scripting;

namespace NetScript.Runtime.Snippets;

/// <summary>Checked snippets → compiled ones. The checker compiled each with the same compiler,
/// so this is a cache hit (no Roslyn on the run's path).</summary>
internal static class CheckedSnippets
{
    public static CompiledSnippet Compile(SnippetCompiler compiler, SnippetSource source)
    {
        CompiledSnippet compiled = compiler.Compile(source);
        if (compiled.HasErrors) throw new RuntimeFailure($"{source.Noun} has C# errors; the checker should have refused it");
        return compiled;
    }
}

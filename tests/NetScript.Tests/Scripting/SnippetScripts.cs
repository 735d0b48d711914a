using NetScript.Language.Semantics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;
using NetScript.Scripting;

namespace NetScript.Tests.Scripting;

/// <summary>The <c>loss|metric|layer NAME = csharp { … }</c> snippets of a test script, found by the
/// real parser (so their code spans are the ones the checker hands the compiler), and shared
/// compilers for tests.</summary>
public static class SnippetScripts
{
    public static IReadOnlyList<SnippetSource> All(SourceText source)
    {
        ScriptSyntax syntax = SyntaxParser.Parse(source);
        Assert.True(syntax.Diagnostics.IsEmpty, string.Join("\n", syntax.Diagnostics));
        return [.. syntax.Statements.Select(statement => statement switch
            {
                LossStatement { Definition: CSharpSnippet code } s => SnippetSource.At(SnippetKind.Loss, s.Name.Text, source, code.CodeSpan),
                MetricStatement { Definition: CSharpSnippet code } s => SnippetSource.At(SnippetKind.Metric, s.Name.Text, source, code.CodeSpan),
                LayerStatement { Definition: CSharpSnippet code } s => SnippetSource.At(SnippetKind.Layer, s.Name.Text, source, code.CodeSpan),
                _ => null,
            }).OfType<SnippetSource>()];
    }

    /// <summary>The only snippet of <paramref name="text"/>.</summary>
    public static SnippetSource One(string text, string path = "test.nns") => Assert.Single(All(SourceText.From(text, path)));

    /// <summary>Compiles the only snippet of <paramref name="text"/>, which must have no errors.</summary>
    public static CompiledSnippet Compile(this SnippetCompiler compiler, string text, string path = "test.nns")
    {
        CompiledSnippet compiled = compiler.Compile(One(text, path));
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        return compiled;
    }

    /// <summary>A compiler with no disk cache, for tests that are not about caching.</summary>
    public static SnippetCompiler InMemory() => new(new SnippetCompilerOptions(null));

    /// <summary>One in-memory compiler for the test run's sessions and scripts, so each snippet
    /// text is compiled once and nothing is written to the user's snippet cache.</summary>
    public static SnippetCompiler Shared { get; } = InMemory();
}

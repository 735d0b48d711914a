using NetScript.Language.Semantics;
using NetScript.Scripting;

namespace NetScript.Tests.Scripting;

/// <summary>C# errors appear at the .nns line and column of the offending text, with Roslyn's
/// message and ID, rendered like every other NetScript diagnostic (Golden/snippets shows them).</summary>
public sealed class SnippetDiagnosticsTests
{
    readonly SnippetCompiler _compiler = SnippetScripts.InMemory();

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var diagnostics = _compiler.Compile(SnippetScripts.One("layer l = csharp { x => { var y = undefinedA; return undefinedB; } }")).Diagnostics;
        Assert.Equal(["CS0103", "CS0103"], diagnostics.Select(d => d.Id));
        Assert.Equal(["undefinedA", "undefinedB"], diagnostics.Select(d => d.Source!.ToString(d.Span)));
    }

    [Fact]
    public void The_kind_names_the_snippet_in_messages()
    {
        Assert.Equal("loss `tukey`", new SnippetSource(SnippetKind.Loss, "tukey", "", NetScript.Language.Text.SourceText.From(""), default).Noun);
        Assert.Equal("the C# metric", new SnippetSource(SnippetKind.Metric, null, "", NetScript.Language.Text.SourceText.From(""), default).Noun);
    }
}

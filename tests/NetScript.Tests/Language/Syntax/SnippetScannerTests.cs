using NetScript.Language.Syntax;

namespace NetScript.Tests.Language.Syntax;

/// <summary>The `}` that ends a `csharp { … }` snippet, found the way C# reads braces.</summary>
public sealed class SnippetScannerTests
{
    [Theory]
    [InlineData("{ x => x }", "")]
    [InlineData("{ (p, t) => { return p; } } tail", " tail")]
    [InlineData("{ \"}\" }", "")]
    [InlineData("{ \"\\\"}\" }", "")]
    [InlineData("{ @\"\\\" }", "")]
    [InlineData("{ @\"a \"\"}\"\" b\" }", "")]
    [InlineData("{ \"\"\" } \"\" \"\"\" }", "")]
    [InlineData("{ \"\"\"\" \"\"\" } \"\"\"\" }", "")]
    [InlineData("{ $\"{x} }} {{ {(y ? \"}\" : \"{\")}\" }", "")]
    [InlineData("{ $@\"{x}\n}\" }", "")]
    [InlineData("{ $$\"\"\"{{x}} { } \"\"\" }", "")]
    [InlineData("{ '}' }", "")]
    [InlineData("{ '\\'' }", "")]
    [InlineData("{ '\\u007D' }", "")]
    [InlineData("{ // }\n }", "")]
    [InlineData("{ /* } */ }", "")]
    [InlineData("{ \"\" }", "")]
    [InlineData("{ @x = 1; }", "")]
    public void Finds_the_closing_brace(string text, string after)
    {
        var result = CSharpSnippetScanner.FindClose(text, 0);
        Assert.True(result.Succeeded, $"{result.Problem} at {result.ProblemAt}");
        Assert.Equal(after, text[(result.Close + 1)..]);
    }

    [Theory]
    [InlineData("{ x => { x }", null, 0)]
    [InlineData("{ \"}\n }", "string", 2)]
    [InlineData("{ @\" } ", "verbatim string", 2)]
    [InlineData("{ \"\"\" } \"\" }", "raw string", 2)]
    [InlineData("{ $\"{x} } ", "interpolated string", 2)]
    [InlineData("{ $\"{ \" }", "string", 6)]
    [InlineData("{ '} }", "character literal", 2)]
    [InlineData("{ /* } ", "comment", 2)]
    public void Reports_what_is_unterminated_and_where(string text, string? problem, int at)
    {
        var result = CSharpSnippetScanner.FindClose(text, 0);
        Assert.False(result.Succeeded);
        Assert.Equal((problem, at), (result.Problem, result.ProblemAt));
    }

    [Fact]
    public void Deep_braces_need_no_recursion()
    {
        string text = "{" + new string('{', 200_000) + new string('}', 200_000) + "}";
        Assert.Equal(text.Length - 1, CSharpSnippetScanner.FindClose(text, 0).Close);
    }
}

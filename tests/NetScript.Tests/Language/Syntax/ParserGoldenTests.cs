using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Syntax;

/// <summary>Golden/parser/NAME.nns is parsed; NAME.ast holds the expected AST (span-free
/// S-expressions) followed by the syntax diagnostics.</summary>
public sealed class ParserGoldenTests
{
    public static IEnumerable<object[]> Inputs() => GoldenFile.Inputs("parser");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Parses_as_expected(string name)
    {
        var syntax = SyntaxParser.Parse(SourceText.From(GoldenFile.Read("parser", name), name));
        string actual = SyntaxPrinter.Print(syntax)
            + (syntax.Diagnostics.IsEmpty ? "" : "---\n" + DiagnosticFormatter.FormatAll(syntax.Diagnostics) + "\n");
        GoldenFile.Verify("parser", name, ".ast", actual);
    }

    [Fact]
    public void Every_script_in_scripts_parses_without_errors()
    {
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Scripts, "*.nns"))
        {
            var syntax = SyntaxParser.Parse(SourceText.Load(file));
            Assert.True(syntax.Diagnostics.IsEmpty, file + ":\n" + DiagnosticFormatter.FormatAll(syntax.Diagnostics));
        }
    }

    [Fact]
    public void Spans_cover_the_source_text_of_each_statement()
    {
        const string text = "seed 42\nmodel m {\n  dense 3 -> relu\n}\ntrain m on d epochs=2";
        var syntax = SyntaxParser.Parse(SourceText.From(text));
        Assert.Equal(["seed 42", "model m {\n  dense 3 -> relu\n}", "train m on d epochs=2"],
            syntax.Statements.Select(s => text.Substring(s.Span.Start, s.Span.Length)));
        var model = (ModelStatement)syntax.Statements[1];
        var relu = model.Body.Items[0].Links[1];
        Assert.Equal("relu", text.Substring(relu.Span.Start, relu.Span.Length));
    }
}

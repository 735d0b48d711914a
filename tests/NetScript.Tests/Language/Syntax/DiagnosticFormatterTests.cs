using NetScript.Language.Diagnostics;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Syntax;

public sealed class DiagnosticFormatterTests
{
    [Fact]
    public void Renders_file_line_column_the_line_and_a_caret_under_the_span()
    {
        var source = SourceText.From("seed 42\nmodel m {\n  dens 3\n}", "m.nns");
        var bag = new DiagnosticBag(source);
        var diagnostic = bag.Report(DiagnosticCatalog.UnknownOperation, new TextSpan(20, 4), "layer", "dens", "; did you mean `dense`?");
        Assert.Equal(
            "m.nns:3:3: error NS0104: unknown layer `dens`; did you mean `dense`?\n 3 |   dens 3\n   |   ^^^^",
            DiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void Tabs_are_expanded_so_the_caret_stays_under_the_text()
    {
        var source = SourceText.From("model m {\n\tdens 3\n}", "t.nns");
        var diagnostic = new DiagnosticBag(source).Report(DiagnosticCatalog.UnknownOperation, new TextSpan(11, 4), "layer", "dens", "");
        Assert.Equal(new TextLocation(2, 5), diagnostic.Location);
        Assert.EndsWith(" 2 |     dens 3\n   |     ^^^^", DiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void A_span_at_the_end_of_input_gets_one_caret()
    {
        var source = SourceText.From("seed", "e.nns");
        var diagnostic = new DiagnosticBag(source).Report(DiagnosticCatalog.SyntaxError, new TextSpan(4, 0), "end of input", "a value");
        Assert.Equal("e.nns:1:5: error NS0001: unexpected end of input; expected a value\n 1 | seed\n   |     ^", DiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void A_long_line_is_cut_to_a_window_around_the_caret()
    {
        string text = "seed " + new string('1', 300) + " x";
        var source = SourceText.From(text, "long.nns");
        var diagnostic = new DiagnosticBag(source).Report(DiagnosticCatalog.SyntaxError, new TextSpan(306, 1), "`x`", "end of line");
        string[] lines = DiagnosticFormatter.Format(diagnostic).Split('\n');
        Assert.Equal(" 1 | …" + new string('1', 158) + " x", lines[1]);
        Assert.Equal(lines[1].IndexOf('x'), lines[2].IndexOf('^'));
        Assert.Equal("^", lines[2].Trim().TrimStart('|').Trim());
    }

    [Fact]
    public void Crlf_and_a_byte_order_mark_keep_lines_and_columns_right()
    {
        var source = SourceText.From("\uFEFFseed 1\r\nthreads 2\r\n", "w.nns");
        Assert.Equal(new TextLocation(2, 1), source.GetLocation(9));
        Assert.Equal("threads 2", source.GetLineText(2));
    }
}

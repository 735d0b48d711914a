using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Syntax;

public sealed class FormatterTests
{
    /// <summary>Every script, grammar example and error-free parser golden input.</summary>
    public static IEnumerable<object[]> Corpus() =>
        LanguageCorpus.Scripts().Concat(LanguageCorpus.GrammarExamples()).Concat(LanguageCorpus.GoldenInputs("parser"))
            .Where(c => SyntaxParser.Parse(SourceText.From(c.Text)).Diagnostics.IsEmpty)
            .Select(c => new object[] { c.Name });

    static string Text(string name) =>
        LanguageCorpus.All().First(c => c.Name == name).Text;

    static string Format(string text) => SyntaxFormatter.Format(SyntaxParser.Parse(SourceText.From(text)));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Formatting_keeps_the_syntax_tree_and_is_idempotent(string name)
    {
        string original = Text(name);
        string formatted = Format(original);
        var reparsed = SyntaxParser.Parse(SourceText.From(formatted));
        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(SyntaxPrinter.Print(SyntaxParser.Parse(SourceText.From(original))), SyntaxPrinter.Print(reparsed));
        Assert.Equal(formatted, Format(formatted));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_comment_survives_formatting_in_order(string name)
    {
        string original = Text(name);
        Assert.Equal(Comments(original), Comments(Format(original)));
    }

    static List<string> Comments(string text) =>
        CommentScanner.Scan(SyntaxParser.Parse(SourceText.From(text))).Select(c => c.Text).ToList();

    [Fact]
    public void Lays_out_blocks_arguments_and_comments_canonically()
    {
        const string source = "\uFEFF# header\r\n\r\n\r\nseed   42 ;threads\t2   # two\r\nmodel m {  # the model\r\n"
            + "    dense 100->relu   # hidden\r\n\r\n  # the head\r\n  dense 3 ;   residual {dense 4;dense 4}->relu\r\n"
            + "  # before the brace\r\n}\r\ntrain m on d w=[1,\r\n  # inside a list\r\n  2]  # after\r\n# the end\r\n";
        const string expected = """
            # header

            seed 42
            threads 2  # two
            model m {  # the model
              dense 100 -> relu  # hidden

              # the head
              dense 3
              residual { dense 4; dense 4 } -> relu
              # before the brace
            }
            # inside a list
            train m on d w=[1, 2]  # after
            # the end

            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), Format(source));
    }

    [Fact]
    public void A_nested_block_with_a_comment_or_too_long_for_a_line_is_laid_out_over_lines()
    {
        string wide = string.Join("; ", Enumerable.Range(1, 12).Select(i => $"dense {i * 100}"));
        string formatted = Format($"model m {{\n  residual {{ {wide} }}\n  repeat 2 {{ dense 4  # why\n  }}\n}}\n");
        Assert.Equal(
            "model m {\n  residual {\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"    dense {i * 100}\n"))
            + "  }\n  repeat 2 {\n    dense 4  # why\n  }\n}\n",
            formatted);
    }

    [Fact]
    public void Snippets_stay_verbatim_and_their_hashes_are_not_comments()
    {
        const string source = "loss l = csharp {\n    (p, t) => {\n  #region odd but legal\n        return p; }\n}   # real comment\n";
        Assert.Equal("loss l = csharp {\n    (p, t) => {\n  #region odd but legal\n        return p; }\n}  # real comment\n", Format(source));
    }

    [Fact]
    public void Arguments_after_an_alias_stay_after_it()
    {
        // Before `as`, `*b` would multiply the number in front of it.
        Assert.Equal("load parquet \"x\" a=1 as d *b\n", Format("load parquet \"x\" a=1 as d *b"));
        Assert.Equal("optimizer o a=x * y b=x*y\n", Format("optimizer o a=x  *  y b=x*y"));
    }

    [Fact]
    public void A_script_with_syntax_errors_is_refused()
    {
        var syntax = SyntaxParser.Parse(SourceText.From("seed\n"));
        Assert.Throws<ArgumentException>(() => SyntaxFormatter.Format(syntax));
    }
}

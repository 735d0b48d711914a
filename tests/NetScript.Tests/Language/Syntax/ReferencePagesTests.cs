using System.Text;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Syntax;

/// <summary>The language reference in grammar/ cannot rot: its schema-driven tables match the
/// schema, every statement has a page, and every example parses.</summary>
public sealed class ReferencePagesTests
{
    public static IEnumerable<object[]> Pages() =>
        Directory.EnumerateFiles(LanguageCorpus.GrammarDirectory, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(LanguageCorpus.GrammarDirectory, f) });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Generated_sections_match_the_schema(string page)
    {
        string path = Path.Combine(LanguageCorpus.GrammarDirectory, page);
        string current = File.ReadAllText(path).Replace("\r\n", "\n");
        string expected = ReferencePages.Regenerate(current);
        if (Environment.GetEnvironmentVariable("NETSCRIPT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, expected, new UTF8Encoding(false));
            return;
        }
        Assert.True(expected == current,
            $"grammar/{page} is out of date with the schema; run `NETSCRIPT_UPDATE_GOLDEN=1 dotnet test --filter ReferencePages` and review the diff");
    }

    [Fact]
    public void Every_statement_has_a_page_with_its_generated_header_and_an_example()
    {
        foreach (string keyword in SyntaxFacts.StatementKeywords)
        {
            string path = Path.Combine(LanguageCorpus.GrammarDirectory, "reference", keyword + ".md");
            Assert.True(File.Exists(path), $"no reference page for `{keyword}`");
            string page = File.ReadAllText(path);
            Assert.Contains("statement " + keyword, ReferencePages.Keys(page));
            Assert.Contains("```nns\n" + keyword + " ", page.Replace("\r\n", "\n"));
        }
        Assert.True(File.Exists(Path.Combine(LanguageCorpus.GrammarDirectory, "reference", "commands.md")));
    }

    public static IEnumerable<object[]> Examples() =>
        LanguageCorpus.GrammarExamples().Select(e => new object[] { e.Name });

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_parses(string name)
    {
        string text = LanguageCorpus.GrammarExamples().First(e => e.Name == name).Text;
        var syntax = SyntaxParser.Parse(SourceText.From(text, name));
        Assert.True(syntax.Diagnostics.IsEmpty, string.Join("\n", syntax.Diagnostics));
    }
}

using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Tests.Language.Syntax;

/// <summary>The keyword list, the grammar's rules, the schema, the goldens and the reference
/// pages must name the same statements, so a new statement cannot land half-done.</summary>
public sealed class SyntaxFactsTests
{
    [Fact]
    public void Every_statement_keyword_has_a_grammar_rule_and_a_schema_entry()
    {
        Assert.Equal(SyntaxFacts.StatementKeywords.Order(), StatementGrammar.StatementRules.Keys.Order());
        Assert.Equal(SyntaxFacts.StatementKeywords.Order(), StatementSchema.All.Select(s => s.Name).Order());
    }

    [Fact]
    public void Every_statement_has_a_parser_golden()
    {
        string goldens = string.Concat(LanguageCorpus.GoldenInputs("parser").Select(g => g.Text));
        var missing = SyntaxFacts.StatementKeywords.Where(k => !goldens.Contains("\n" + k + " ", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        Assert.Contains("\n:load ", goldens);
    }

    [Fact]
    public void Every_schema_example_parses()
    {
        var examples = Enum.GetValues<OperationCategory>().SelectMany(SchemaCatalog.In)
            .Concat([OptionGroupSchema.EarlyStop])
            .Where(s => s.Example is not null && s.Category is not (OperationCategory.Distribution or OperationCategory.Layer))
            .Select(s => (s.Name, Syntax: SyntaxParser.Parse(NetScript.Language.Text.SourceText.From(s.Example!))));
        Assert.All(examples, e => Assert.True(e.Syntax.Diagnostics.IsEmpty, e.Name + ": " + string.Join("\n", e.Syntax.Diagnostics)));
    }
}

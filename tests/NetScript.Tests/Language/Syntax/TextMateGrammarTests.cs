using System.Text.Json;
using System.Text.RegularExpressions;
using NetScript.Language.Syntax;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Reader;
using TextMateSharp.Internal.Themes.Reader;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace NetScript.Tests.Language.Syntax;

/// <summary>grammar/netscript.tmLanguage.json, loaded with TextMateSharp (the engine behind
/// Terminal.Gui's highlighting), scopes what an editor must colour.</summary>
public sealed class TextMateGrammarTests
{
    static string GrammarPath => Path.Combine(LanguageCorpus.GrammarDirectory, "netscript.tmLanguage.json");

    /// <summary>Serves our grammar; anything else it includes (source.cs) is absent, as in a
    /// host without C# highlighting.</summary>
    sealed class Options : IRegistryOptions
    {
        public IRawGrammar? GetGrammar(string scopeName)
        {
            if (scopeName != "source.netscript") return null;
            using var reader = new StreamReader(GrammarPath);
            return GrammarReader.ReadGrammarSync(reader);
        }

        public IRawTheme GetDefaultTheme()
        {
            using var reader = new StreamReader(new MemoryStream("""{"name":"empty","settings":[]}"""u8.ToArray()));
            return ThemeReader.ReadThemeSync(reader);
        }

        public IRawTheme GetTheme(string scopeName) => GetDefaultTheme();

        public ICollection<string>? GetInjections(string scopeName) => null;
    }

    /// <summary>Each token's text with its innermost scope, line by line. Every line must be
    /// tokenized to its end: the limit only stops a grammar that backtracks without end.</summary>
    static List<(string Text, string Scope)> Tokenize(string script)
    {
        IGrammar grammar = new Registry(new Options()).LoadGrammar("source.netscript");
        var tokens = new List<(string, string)>();
        IStateStack? state = null;
        foreach (string line in script.Split('\n'))
        {
            ITokenizeLineResult result = grammar.TokenizeLine(line, state, TimeSpan.FromMinutes(1));
            Assert.False(StoppedEarly(result), $"tokenizing stopped early in: {line}");
            Assert.True(line.Length == 0 || result.Tokens.Max(t => t.EndIndex) >= line.Length, $"tokens end before the end of: {line}");
            state = result.RuleStack;
            foreach (IToken token in result.Tokens)
            {
                int end = Math.Min(token.EndIndex, line.Length);
                if (end > token.StartIndex)
                    tokens.Add((line[token.StartIndex..end], token.Scopes[^1]));
            }
        }
        return tokens;
    }

    /// <summary>TextMateSharp 2.0.5 sets StoppedEarly on its result class only, not on the interface.</summary>
    static bool StoppedEarly(ITokenizeLineResult result) =>
        (bool)(result.GetType().GetProperty("StoppedEarly")?.GetValue(result)
            ?? throw new InvalidOperationException($"{result.GetType().Name} has no StoppedEarly"));

    static string ScopeOf(List<(string Text, string Scope)> tokens, string text) =>
        tokens.FirstOrDefault(t => t.Text.Trim() == text).Scope
        ?? throw new InvalidOperationException($"no token `{text}` in: " + string.Join(" ", tokens.Select(t => $"[{t.Text}|{t.Scope}]")));

    [Fact]
    public void Scopes_keywords_names_strings_numbers_comments_and_snippets()
    {
        var tokens = Tokenize("""
            # a comment
            seed 42; threads 2
            load dataset "spiral" classes=3 as data   # trailing
            model mlp {
              dense 100 -> relu
            }
            schedule cosine warmup=1 epoch
            loss l = csharp { (p, t) => "}" }
            transfer mlp from "x.ckpt" freeze=[conv*] replace=dense:last lr=$lr
            :load other.nns
            """);
        Assert.StartsWith("comment.line", ScopeOf(tokens, "# a comment"));
        Assert.StartsWith("comment.line", ScopeOf(tokens, "# trailing"));
        Assert.StartsWith("keyword.control", ScopeOf(tokens, "seed"));
        Assert.StartsWith("keyword.control", ScopeOf(tokens, "threads"));
        Assert.StartsWith("keyword.control", ScopeOf(tokens, "model"));
        Assert.StartsWith("entity.name.type", ScopeOf(tokens, "mlp"));
        Assert.StartsWith("constant.numeric", ScopeOf(tokens, "42"));
        Assert.StartsWith("constant.numeric", ScopeOf(tokens, "100"));
        Assert.StartsWith("string.quoted", ScopeOf(tokens, "spiral"));
        Assert.StartsWith("variable.parameter", ScopeOf(tokens, "classes"));
        Assert.StartsWith("keyword.other", ScopeOf(tokens, "as"));
        Assert.StartsWith("entity.name.function", ScopeOf(tokens, "dense"));
        Assert.StartsWith("keyword.operator.chain", ScopeOf(tokens, "->"));
        Assert.StartsWith("keyword.other.unit", ScopeOf(tokens, "epoch"));
        // The `}` inside the C# string does not end the snippet; the next one does.
        var braces = tokens.Where(t => t.Text.Trim() == "}").Select(t => t.Scope).ToList();
        Assert.Contains(braces, s => s.StartsWith("string.quoted.double.cs", StringComparison.Ordinal));
        Assert.Contains(braces, s => s.StartsWith("punctuation.section.embedded.end", StringComparison.Ordinal));
        Assert.StartsWith("constant.other.pattern", ScopeOf(tokens, "conv*"));
        Assert.StartsWith("constant.other.pattern", ScopeOf(tokens, "dense:last"));
        Assert.StartsWith("variable.other", ScopeOf(tokens, "$lr"));
        Assert.StartsWith("keyword.other.command", ScopeOf(tokens, ":load"));
    }

    [Fact]
    public void Scopes_allow_comments_as_comments_with_a_directive_and_ids()
    {
        var tokens = Tokenize("init zeros  # netscript: allow NS0501, NS0502 the notes' demo\n# NS0501 in prose\n");
        Assert.StartsWith("keyword.other.directive", ScopeOf(tokens, "allow"));
        Assert.StartsWith("constant.other.diagnostic-id", ScopeOf(tokens, "NS0502"));
        Assert.All(tokens.Where(t => t.Text.Contains("demo", StringComparison.Ordinal)), t => Assert.StartsWith("comment.line", t.Scope));
        Assert.StartsWith("comment.line", ScopeOf(tokens, "# NS0501 in prose"));
    }

    [Fact]
    public void Lists_exactly_the_statement_keywords_and_is_valid_json()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(GrammarPath));
        Assert.Equal("source.netscript", document.RootElement.GetProperty("scopeName").GetString());
        string match = document.RootElement.GetProperty("repository").GetProperty("statement").GetProperty("match").GetString()!;
        string alternatives = Regex.Match(match, @"\\b\(([a-z_|]+)\)\\b").Groups[1].Value;
        Assert.Equal(SyntaxFacts.StatementKeywords.Order(), alternatives.Split('|').Order());
    }

    [Fact]
    public void Tokenizes_every_script_and_example_to_the_end_of_each_line()
    {
        foreach (var (name, text) in LanguageCorpus.Scripts().Concat(LanguageCorpus.GrammarExamples()))
        {
            var tokens = Tokenize(text.Replace("\r\n", "\n"));
            Assert.True(tokens.Count > 0, name);
        }
    }
}

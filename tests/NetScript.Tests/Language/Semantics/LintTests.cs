using System.Text.RegularExpressions;
using NetScript.Cli;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;
using NetScript.Repl.Commands;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Semantics;

/// <summary>The lints beyond their golden files (Golden/checker/5xx-*): in the REPL, through the
/// formatter, on the command line, and in their documentation.</summary>
public sealed class LintTests
{
    static readonly CompilationOptions Repl = new(new CatalogResolver(), AllowRedefinition: true);

    const string Data = "load dataset \"spiral\" points=1000 as d\nsplit d into train=0.8 val=0.2\n";

    const string DeepSmallInit = "model deep {\n  dense 64 -> relu\n  dense 64 -> relu\n  dense 64 -> relu\n  dense 3 -> sigmoid\n  init normal 0.01\n}\n";

    [Fact]
    public void A_model_from_an_earlier_submission_is_linted_at_the_train_statement()
    {
        var first = Compilation.Create(SourceText.From(Data + DeepSmallInit, "<repl:1>"), Repl);
        Assert.Empty(first.Diagnostics);
        var second = Compilation.Create(SourceText.From("train deep on train", "<repl:2>"), Repl, first.Program!.SymbolsAfterAll);
        Assert.Equal(
            [("NS0504", "<repl:2>", 1, 7), ("NS0506", "<repl:2>", 1, 7)],
            second.Diagnostics.Select(d => (d.Id, d.Source!.Path, d.Location!.Value.Line, d.Location.Value.Column)));
    }

    [Fact]
    public void In_one_source_the_lints_point_at_the_model_lines()
    {
        var compilation = Compilation.Create(SourceText.From(Data + DeepSmallInit + "train deep on train\n", "one.nns"), Repl);
        Assert.Equal([("NS0506", 7), ("NS0504", 8)], compilation.Diagnostics.Select(d => (d.Id, d.Location!.Value.Line)));
        Assert.False(compilation.HasErrors);
        Assert.NotNull(compilation.Program);
    }

    public static IEnumerable<object[]> Goldens() => LanguageCorpus.GoldenInputs("checker")
        .Where(g => Path.GetFileName(g.Name).StartsWith('5'))
        .Select(g => new object[] { Path.GetFileName(g.Name) });

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Formatting_keeps_every_warning_and_every_silence(string name)
    {
        string text = GoldenFile.Read("checker", name);
        string formatted = SyntaxFormatter.Format(SyntaxParser.Parse(SourceText.From(text, name)));
        Assert.Equal(Ids(text), Ids(formatted));
    }

    static List<string> Ids(string text) =>
        CheckerGoldenTests.Check(text).Diagnostics.Select(d => d.Id).ToList();

    [Fact]
    public void An_allow_comment_silences_only_its_line_and_only_warnings()
    {
        string script = Data + "model m1 { dense 10 -> relu; dense 3; init zeros }  # netscript: allow NS0501\n"
            + "model m2 { dense 10 -> relu; dense 3; init zeros }\n"
            + "# netscript: allow NS0501\n\n# another comment\nmodel m3 { dense 10 -> relu; dense 3; init zeros }\n"
            + "model m4 { dense 10 -> relu; dense 3; init zeros }\n";
        var lines = CheckerGoldenTests.Check(script).Diagnostics.Select(d => (d.Id, d.Location!.Value.Line)).ToList();
        Assert.Equal([("NS0501", 4), ("NS0501", 9)], lines);
    }

    [Fact]
    public void Check_prints_warnings_like_errors_and_exits_0()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "warned.nns");
        File.WriteAllText(path, Data + "model m {\n  dense 10 -> relu\n  dense 3\n  init zeros\n}\ntrain m on train\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(["check", path, "--summary"], CancellationToken.None);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith($"{path}:6:3: warning NS0501: `init zeros` starts every weight of model `m` at the same value 0", stderr.ToString());
        Assert.Contains(" 6 |   init zeros\n   |   ^^^^^^^^^^\n", stderr.ToString());
        Assert.Contains("model `m` on `train`\n", stdout.ToString());
        Assert.Contains("  dense1  [10]", stdout.ToString());
        Assert.Contains("total 63 parameters (252 B as float32): 63 trainable, 0 non-trainable", stdout.ToString());
        Assert.EndsWith("warned.nns: ok (4 statements, 1 warning)\n", stdout.ToString());
    }

    [Fact]
    public void Summary_is_refused_by_other_commands_and_lists_untrained_models()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "untrained.nns");
        File.WriteAllText(path, "model m { dense 3 }\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, new CliApp(stdout, stderr, false).Run(["fmt", path, "--summary"], CancellationToken.None));
        Assert.Equal(ExitCodes.Success, new CliApp(stdout, stderr, false).Run(["check", "--summary", path], CancellationToken.None));
        Assert.Contains("model `m`: not trained in this script", stdout.ToString());
    }

    [Fact]
    public void The_repl_summary_is_the_same_table()
    {
        var compilation = Compilation.Create(SourceText.From(Data + "model m { dense 8 -> batchnorm -> relu; dense 3 }\ntrain m on train\n", "<repl:1>"), Repl);
        string text = SessionReports.Summary(compilation.Program!.SymbolsAfterAll);
        Assert.Contains("model `m` (line 3 of <repl:1>) on `train`\n", text);
        Assert.Contains("  batchnorm1  [8]                  16             16\n", text);
    }

    [Fact]
    public void Every_lint_is_documented_with_its_reason_and_fix()
    {
        string page = File.ReadAllText(Path.Combine(LanguageCorpus.GrammarDirectory, "lints.md"));
        var documented = Regex.Matches(page, @"^### (NS05\d\d) — ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var lints = DiagnosticCatalog.All.Where(d => d.Id.StartsWith("NS05", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        Assert.Equal(lints, documented);
        Assert.All(DiagnosticCatalog.All.Where(d => lints.Contains(d.Id)), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}

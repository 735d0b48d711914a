using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Syntax;

/// <summary>The parser is recursive; input nested past <see cref="SyntaxFacts.MaxNesting"/> must
/// end in a diagnostic, not a stack overflow (which would kill the process, REPL included).
/// Run on a thread with a 1 MB stack, as small as any host thread.</summary>
public sealed class NestingTests
{
    public static IEnumerable<object[]> Deep() =>
        new (string Name, Func<int, string> Make)[]
        {
            ("brackets", n => "seed " + new string('[', n)),
            ("closed brackets", n => "seed " + new string('[', n) + new string(']', n)),
            ("blocks", n => "model m {" + string.Concat(Enumerable.Repeat(" r {", n))),
            ("bare braces", n => "model m " + new string('{', n)),
            ("calls", n => "train m on d x=" + string.Concat(Enumerable.Repeat("f(", n))),
            ("signs", n => "seed " + new string('-', n) + "1"),
            // A product is a loop in the parser, but a tree as deep as it is long for what walks it.
            ("products", n => "seed 1" + string.Concat(Enumerable.Repeat("*2", n / 10))),
            ("search", n => "search random {\n x = " + string.Concat(Enumerable.Repeat("choice(", n))),
        }.Select(c => new object[] { c.Name, c.Make(100_000) });

    [Theory]
    [MemberData(nameof(Deep))]
    public void Deep_nesting_is_a_diagnostic(string name, string text)
    {
        var diagnostics = OnSmallStack(() => Compile(text).Diagnostics);
        Assert.True(diagnostics.Any(d => d.Id is "NS0005" or "NS0001"), name + ": " + string.Join("\n", diagnostics));
        Assert.All(diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_checks()
    {
        int depth = SyntaxFacts.MaxNesting - 1;
        string text = "seed " + new string('[', depth) + "1" + new string(']', depth);
        var diagnostics = OnSmallStack(() => Compile(text).Diagnostics);
        Assert.Equal(["NS0202"], diagnostics.Select(d => d.Id)); // a list is not a seed, but it parsed
    }

    [Fact]
    public void A_very_long_line_is_handled_and_shown_around_the_caret()
    {
        string text = "optimizer adam lr=[" + string.Join(", ", Enumerable.Repeat("1e-3", 20_000)) + "]\nseed x";
        var diagnostics = OnSmallStack(() => Compile(text).Diagnostics);
        Assert.Equal(["NS0202", "NS0202"], diagnostics.Select(d => d.Id));
        string shown = DiagnosticFormatter.Format(diagnostics[0]);
        Assert.True(shown.Length < 500, shown);
        Assert.Contains(" 1 | optimizer adam lr=[1e-3, 1e-3,", shown);
        Assert.Contains("…\n", shown);
    }

    static Compilation Compile(string text) =>
        Compilation.Create(SourceText.From(text, "deep.nns"), new CompilationOptions(new CatalogResolver()));

    static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = e; }
        }, maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (error is not null) throw new InvalidOperationException("the front end threw", error);
        return result;
    }
}

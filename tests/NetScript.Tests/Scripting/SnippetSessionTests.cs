using NetScript.Hosting;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Snippets;

namespace NetScript.Tests.Scripting;

/// <summary>Snippets across REPL submissions (defined in one, used in a later one), in `:save`,
/// and where libtorch cannot be loaded.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetSessionTests
{
    static readonly string[] Setup =
    [
        "seed 3",
        "load dataset \"spiral\" classes=3 points=40 as d",
        "model m { dense 8 -> swish; dense 3 }",
    ];

    static Session Interactive(RecordingObserver observer) =>
        new(new SessionOptions(null, observer, Interactive: true) { Snippets = SnippetScripts.Shared });

    [Fact]
    public void A_snippet_from_an_earlier_submission_is_probed_and_reported_at_its_own_position()
    {
        using var session = Interactive(new RecordingObserver());
        Assert.True(session.Submit(SourceText.From("layer swish = csharp { x => x * torch.sigmoid(x) }", "<repl:1>")).Succeeded);
        Assert.True(session.Submit(SourceText.From("loss squared = csharp { (p, t) => (p - t).pow(2).mean() }", "<repl:2>")).Succeeded);
        foreach (string text in Setup) Assert.True(session.Submit(SourceText.From(text, "<repl>")).Succeeded);

        // A regression loss on class labels: the dummy batch finds it before any training.
        var result = session.Submit(SourceText.From("train m on d epochs=1 loss=squared", "<repl:6>"));
        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.StartsWith("<repl:2>:1:35: error NS0806: loss `squared` failed on a dummy batch of `p` [7, 3] float32 and `t` [7] int64 class indices in [0, 3)",
            error.ToString());
        Assert.Null(result.Execution);
        Assert.False(session.Symbols.Models["m"].Trained);
    }

    [Fact]
    public void A_saved_session_keeps_the_definitions_its_statements_use()
    {
        var observer = new RecordingObserver();
        string path = Path.Combine(Scripts.TempDirectory(), "snippets.nns");
        using (var session = Interactive(observer))
        {
            string[] submissions =
            [
                "layer swish = csharp { x => x * torch.sigmoid(x) }",
                "loss ce = csharp { (p, t) => F.cross_entropy(p, t) }",
                "loss unused = csharp { (p, t) => F.cross_entropy(p, t) }",
                "loss ce = csharp { (p, t) => F.cross_entropy(p, t, label_smoothing: 0.05) }",
                .. Setup,
                "train m on d epochs=2 batch=16 loss=ce",
                "evaluate m on d",
            ];
            int n = 0;
            foreach (string text in submissions)
                Assert.True(session.Submit(SourceText.From(text, $"<repl:{++n}>")).Succeeded, text);
            var saved = session.Save(path);
            Assert.True(saved.Problems.IsEmpty, File.ReadAllText(path) + DiagnosticFormatter.FormatAll(saved.Problems));
        }

        string script = File.ReadAllText(path);
        Assert.Contains("layer swish = csharp { x => x * torch.sigmoid(x) }\n", script);
        Assert.Contains("loss ce = csharp { (p, t) => F.cross_entropy(p, t, label_smoothing: 0.05) }\n", script);
        Assert.DoesNotContain("loss ce = csharp { (p, t) => F.cross_entropy(p, t) }", script);   // the replaced `ce`
        var (run, events) = Scripts.Run(script, path: path);
        Assert.True(run.Succeeded, DiagnosticFormatter.FormatAll(run.Diagnostics));
        Assert.Equal(observer.Of<EvaluationCompleted>().Single().Metrics, events.Of<EvaluationCompleted>().Single().Metrics);
    }

    [Fact]
    public void Without_libtorch_snippets_are_compiled_only_and_the_check_says_so()
    {
        var compiler = new HostSnippetCompiler(SnippetScripts.Shared, () => "libtorch could not be loaded. Rebuild.");
        const string script = """
            load dataset "spiral" classes=3 points=40 as d
            layer swish = csharp { x => x * torch.sigmoid(x) }
            loss typo = csharp { (p, t) => F.cross_entropy(p, tt) }
            model m { dense 8 -> swish; dense 3 }
            train m on d
            evaluate m on d
            """;
        var compilation = Compilation.Create(SourceText.From(script, "offline.nns"), new CompilationOptions(new CatalogResolver()) { Snippets = compiler });

        // C# errors are still found; the layer's shape is not, so `m` is neither planned nor trained,
        // and nothing cascades from that.
        Assert.Equal(
        [
            "offline.nns:2:23: warning NS0812: layer `swish` compiled, but was not run on a dummy batch (libtorch could not be loaded), so shapes that depend on it are not checked",
            "offline.nns:3:51: error CS0103: The name 'tt' does not exist in the current context",
        ], compilation.Diagnostics.Select(d => d.ToString()));
    }
}

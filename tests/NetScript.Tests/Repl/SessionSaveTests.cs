using NetScript.Hosting;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using NetScript.Runtime.Events;

namespace NetScript.Tests.Repl;

/// <summary>`:save` writes the session as a script; `netscript run` of that script must
/// reproduce the session's final model exactly (same seed, same statements that matter).</summary>
[Collection(TorchCollection.Name)]
public sealed class SessionSaveTests
{
    static readonly string[] Submissions =
    [
        "seed 42",
        "threads 2",
        "load dataset \"spiral\" classes=3 points=60 as spiral",
        "split spiral into train=0.8 val=0.2 stratify",
        "preprocess { standardize }",
        "model mlp { dense 3 }",
        "optimizer adam lr=0.01",
        "train mlp on train epochs=2 batch=16",
        "model mlp {\n  dense 16 -> relu   # wider, after a first try\n  dense 3\n}",
        "seed 7",
        "train mlp on train epochs=5 batch=16 validate=val",
        "evaluate mlp on val",
    ];

    [Fact]
    public void A_saved_session_runs_as_a_script_and_reproduces_the_final_model()
    {
        var observer = new RecordingObserver();
        string path = Path.Combine(Scripts.TempDirectory(), "session.nns");
        SaveResult saved;
        var notes = new List<Diagnostic>();
        using (var session = new Session(new SessionOptions(null, observer, Interactive: true)))
        {
            int n = 0;
            foreach (string text in Submissions)
            {
                var result = session.Submit(SourceText.From(text, $"<repl:{++n}>"));
                Assert.True(result.Succeeded, DiagnosticFormatter.FormatAll(result.Diagnostics));
                notes.AddRange(result.Notes);
            }
            saved = session.Save(path);
        }

        var note = Assert.Single(notes);
        Assert.Equal("<repl:9>:1:7: info NS1101: `mlp` now names the model defined here; it replaces the one from line 1 of <repl:6>", note.ToString());
        Assert.Empty(saved.Problems);
        Assert.Equal(2, saved.Dropped);   // the first `model mlp` and the training of it
        string script = File.ReadAllText(path);
        Assert.DoesNotContain("model mlp { dense 3 }", script);
        Assert.DoesNotContain("epochs=2", script);
        Assert.Contains("model mlp {\n  dense 16 -> relu   # wider, after a first try\n  dense 3\n}\n", script);

        var (run, events) = Scripts.Run(script, path: path);
        Assert.True(run.Succeeded, DiagnosticFormatter.FormatAll(run.Diagnostics));
        var inSession = observer.Of<EvaluationCompleted>().Single().Metrics;
        var fromScript = events.Of<EvaluationCompleted>().Single().Metrics;
        Assert.Equal(inSession, fromScript);
    }

    [Fact]
    public void A_training_stopped_in_its_first_epoch_is_saved_with_one_epoch_and_a_comment()
    {
        var observer = new RecordingObserver();
        string path = Path.Combine(Scripts.TempDirectory(), "stopped.nns");
        using var session = new Session(new SessionOptions(null, observer, Interactive: true));
        foreach (string text in Submissions.Take(7)) Assert.True(session.Submit(SourceText.From(text, "<repl>")).Succeeded);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = session.Submit(SourceText.From("train mlp on train epochs=3 batch=16", "<repl>"), cancel.Token);

        Assert.True(result.StoppedTraining);
        Assert.Empty(result.Diagnostics);   // a stop is not an error in the REPL
        Assert.True(session.Symbols.Models["mlp"].Trained);
        Assert.True(session.Submit(SourceText.From("evaluate mlp on val", "<repl>")).Succeeded);
        session.Save(path);
        Assert.Contains("# stopped by the user during its first epoch; written with that one epoch\ntrain mlp on train epochs=1 batch=16\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("train m on d epochs=300 batch=8", 32, "train m on d epochs=32 batch=8")]
    [InlineData("train m on d batch=8  # fast", 4, "train m on d batch=8 epochs=4 # fast")]
    [InlineData("train m on d  epochs = 7", 2, "train m on d  epochs=2")]
    public void A_stopped_training_is_written_with_the_epochs_that_ran(string statement, int epochs, string written) =>
        Assert.Equal(written, SessionTranscript.WithEpochs(statement, epochs));

    [Fact]
    public void A_script_run_keeps_cancellation_an_error()
    {
        using var session = new Session(new SessionOptions(null, new RecordingObserver()));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = session.Submit(SourceText.From(string.Join("\n", Submissions.Take(8)), "x.nns"), cancel.Token);
        Assert.False(result.StoppedTraining);
        Assert.Equal("NS0702", Assert.Single(result.Diagnostics).Id);
    }
}

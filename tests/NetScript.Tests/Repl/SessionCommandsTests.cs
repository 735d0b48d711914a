using NetScript.Hosting;
using NetScript.Language.Text;
using Terminal.Gui.Input;

namespace NetScript.Tests.Repl;

/// <summary>`:reset` and `:load` as a user meets them, driven headless.</summary>
[Collection(TorchCollection.Name)]
public sealed class SessionCommandsTests
{
    const string Data = ReplViewTests.Data;

    [Fact]
    public void Reset_refuses_while_a_training_runs_then_forgets_definitions_and_preprocessing()
    {
        using var repl = new HeadlessRepl();
        repl.Type(Data + "preprocess { standardize }\nmodel mlp { dense 8 -> relu; dense 3 }\n");
        repl.Settle();
        repl.Type("train mlp on train epochs=100000 batch=8\n");
        repl.WaitFor(() => repl.Session.Runner.Monitor.Training is { History.Count: > 0 }, "the first epoch");
        repl.Type(":reset\n");
        Assert.Contains("error NS1107: `:reset` forgets nothing while `train mlp on train epochs=100000 batch=8` runs", repl.Output);
        Assert.True(repl.Session.Runner.IsBusy);

        repl.Press(Key.F6);
        repl.Settle();
        repl.Type(":reset\n");
        Assert.Contains("reset: forgot datasets spiral train val, model mlp, the preprocessing (standardize); the session starts over", repl.Output);
        Assert.Empty(repl.Session.Runner.Symbols.Datasets);
        Assert.Empty(repl.Session.Runner.Symbols.Preprocessing);
        Assert.Null(repl.Session.Runner.Monitor.Training);
        Assert.Contains("idle │ models: none │ data: none", repl.Screen());

        // A new start: the same names are definitions, not replacements (no NS1101), and the
        // data is preprocessed only by what is fitted after the reset.
        repl.Type(Data);
        repl.Settle();
        repl.Type("spiral\n");
        Assert.DoesNotContain("NS1101", repl.Output);
        Assert.EndsWith("› spiral\ndataset spiral: 150 rows of [2], 3 classes (line 1 of <repl:8>)", repl.Output);
    }

    [Fact]
    public void A_reset_session_saves_and_records_only_what_follows_it()
    {
        string folder = Scripts.TempDirectory();
        using var session = new Session(new SessionOptions(Path.Combine(folder, "runs"), new RecordingObserver(), Interactive: true));
        Assert.True(session.Submit(SourceText.From("seed 3\nmodel a { dense 3 }", "<repl:1>")).Succeeded);
        session.Reset();
        Assert.True(session.Submit(SourceText.From("model b { dense 2 }", "<repl:2>")).Succeeded);

        var saved = session.Save(Path.Combine(folder, "after.nns"));
        Assert.Equal(1, saved.Statements);
        string script = File.ReadAllText(saved.Path);
        Assert.DoesNotContain("model a", script);
        Assert.Contains("model b { dense 2 }", script);
        string record = File.ReadAllText(Path.Combine(session.RunFolderPath!, "script.nns"));
        Assert.Matches(@"seed 3\nmodel a \{ dense 3 \}\n# :reset: the session forgot everything above\nmodel b \{ dense 2 \}\n$", record);
    }

    [Fact]
    public void Load_shows_its_models_while_it_runs_and_a_stop_names_the_statements_it_skipped()
    {
        string script = Path.Combine(Scripts.TempDirectory(), "long.nns");
        File.WriteAllText(script, Data + "model mlp {\n  dense 8 -> relu\n  dense 3\n}\ntrain mlp on train epochs=100000 batch=8\nevaluate mlp on val\nseed 1\n");
        using var repl = new HeadlessRepl();
        repl.Type($":load {script}\n");
        repl.WaitFor(() => repl.Session.Runner.Monitor.Training is { History.Count: > 0 }, "the first epoch");
        // The script has not ended, yet its data and model are defined.
        Assert.Empty(repl.Session.Runner.Session.Symbols.Models);
        Assert.Contains(" │ models: mlp │ data: spiral train val", repl.Screen().Split('\n')[^2]);
        Assert.NotNull(repl.Session.Runner.Symbols.Models.GetValueOrDefault("mlp"));

        repl.Press(Key.F6);
        repl.Settle();
        Assert.Matches(@"long\.nns:8:1: info NS1105: training of `mlp` stopped after \d+ of 100000 epochs", repl.Output);
        Assert.Contains("long.nns:8:1: info NS1106: 2 statements after this one did not run (lines 9–10, from `evaluate mlp on val`)", repl.Output);
    }
}

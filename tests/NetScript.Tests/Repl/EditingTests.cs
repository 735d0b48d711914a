using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Repl.Editing;
using NetScript.Repl.Syntax;
using NetScript.Tests.Language.Semantics;

namespace NetScript.Tests.Repl;

public sealed class EditingTests
{
    static SessionSymbols WithDataset(string name) => SessionSymbols.Empty with
    {
        Datasets = ImmutableDictionary<string, DatasetSymbol>.Empty.Add(name,
            new DatasetSymbol(name, new DatasetInfo(Shape.Of(2), 3, 10), name, false, false, "1")),
    };

    [Theory]
    [InlineData("t", new[] { "threads", "train" }, "t")]                       // statement keywords
    [InlineData("optimizer adam l", new[] { "lr=" }, "lr=")]                    // the operation's arguments
    [InlineData("train m on d lo", new[] { "loss=" }, "loss=")]                 // the statement's arguments
    [InlineData("train m on d loss=cr", new[] { "cross_entropy" }, "cross_entropy")]   // a choice
    [InlineData("train m on sp", new[] { "spiral" }, "spiral")]                 // a session symbol
    [InlineData(":sa", new[] { "save" }, "save")]                              // a REPL command
    [InlineData("model m {\n  dense 3 -> rel", new[] { "relu" }, "relu")]        // a layer inside a block
    [InlineData("schedule co", new[] { "constant", "cosine" }, "co")]           // a schedule kind
    [InlineData("regularize m { max_norm 3; mi", new[] { "mixup" }, "mixup")]  // a regularize setting
    [InlineData("train ", new[] { "mlp" }, "mlp")]                                // only models after `train`
    [InlineData("train m", new[] { "mlp" }, "mlp")]                                // … not `metrics=`
    [InlineData("evaluate mlp on ", new[] { "spiral" }, "spiral")]                 // only data after `on`
    [InlineData("model m {\n  dense 3 -> sw", new[] { "swish" }, "swish")]        // a defined layer
    [InlineData("train mlp on spiral loss=tu", new[] { "tukey", "tukey2" }, "tukey")] // built-in and defined losses
    [InlineData("train mlp on spiral metrics=[medae, m", new[] { "mae", "medae" }, "m")] // defined metrics in the list
    public void Completes_from_the_schema_and_the_session(string text, string[] expected, string inserted)
    {
        var completion = new CompletionProvider().Complete(text, text.Length, Session());
        Assert.Equal(expected, completion.Candidates.Where(expected.Contains));
        Assert.All(completion.Candidates, c => Assert.StartsWith(completion.Prefix, c));
        Assert.Equal(inserted, completion.Candidates.Count == 1 ? completion.Candidates[0] : completion.CommonPrefix);
    }

    [Theory]
    [InlineData("model m {\n  dense 100 ", new[] { "bias" }, new[] { "spiral", "mlp", "as", "into", "on", "relu" })]   // a layer's own arguments only
    [InlineData("model m {\n  dense 100 -> ", new[] { "relu", "swish", "dense" }, new[] { "bias", "init", "spiral", "on" })] // after `->` a new layer
    [InlineData("model m { dense 100 -> prelu ", new[] { "init=", "per_channel" }, new[] { "bias", "spiral", "mlp" })] // the activation's arguments
    [InlineData("model m {\n  ", new[] { "dense", "init", "swish" }, new[] { "spiral", "mlp", "as", "train" })] // an item of the block
    [InlineData("model m {\n  init ", new[] { "kaiming", "xavier" }, new[] { "spiral", "on" })]
    [InlineData("model m {\n  dense units=", new string[0], new[] { "spiral", "mlp" })]
    [InlineData("preprocess { ", new[] { "standardize" }, new[] { "spiral", "dense", "on" })]
    [InlineData("train mlp on spiral ", new[] { "epochs=", "batch=" }, new[] { "dense", "relu" })]
    public void Offers_only_what_can_stand_at_the_caret(string text, string[] present, string[] absent)
    {
        var candidates = new CompletionProvider().Complete(text, text.Length, Session()).Candidates;
        Assert.All(present, p => Assert.Contains(p, candidates));
        Assert.All(absent, a => Assert.DoesNotContain(a, candidates));
    }

    [Theory]
    [InlineData(":load scr", 6, new[] { "scripts/" })]                          // a folder, for the next Tab
    [InlineData(":load scripts/", 6, new[] { "scripts/quick.nns", "scripts/sub/" })] // scripts and folders only
    [InlineData(":save ", 6, new[] { "notes.nns", "scripts/" })]                  // hidden entries stay hidden
    [InlineData(":load .h", 6, new[] { ".hidden.nns" })]                          // … until a `.` is typed
    [InlineData(":load \"scripts/q", 7, new[] { "scripts/quick.nns" })]           // inside quotes
    [InlineData(":load nowhere/x", 6, new string[0])]
    public void Completes_script_files_after_load_and_save(string text, int start, string[] expected)
    {
        string folder = Scripts.TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder, "scripts", "sub"));
        foreach (string file in new[] { "notes.nns", ".hidden.nns", "data.csv", "scripts/quick.nns", "scripts/readme.md" })
            File.WriteAllText(Path.Combine(folder, file), "");
        var completion = new CompletionProvider(folder).Complete(text, text.Length, SessionSymbols.Empty);
        Assert.Equal(start, completion.Start);
        Assert.Equal(expected, completion.Candidates);
    }

    /// <summary>A session with the dataset `spiral`, the model `mlp`, the layer `swish`, the
    /// loss `tukey2` and the metrics `medae` and `mae`.</summary>
    static SessionSymbols Session()
    {
        var session = WithDataset("spiral");
        var definitions = ImmutableDictionary<string, DefinitionSymbol>.Empty;
        foreach (var (name, kind) in new[] { ("swish", SnippetKind.Layer), ("tukey2", SnippetKind.Loss), ("medae", SnippetKind.Metric), ("mae", SnippetKind.Metric) })
            definitions = definitions.Add(name, new DefinitionSymbol(name, kind, null, null, "1"));
        var models = CheckerGoldenTests.Check("model mlp { dense 3 }\n").Program!.SymbolsAfter[^1].Models;
        return session with { Models = models, Definitions = definitions };
    }

    [Theory]
    [InlineData("seed 1", true)]
    [InlineData("model m {", false)]
    [InlineData("model m {\n dense 3\n}", true)]
    [InlineData("model m { dense 3 -> # note", false)]
    [InlineData("load dataset \"a{\" as x", true)]
    [InlineData("split d into a=0.5,", false)]
    // A search continues past its block to the trial's training, or to an empty line.
    [InlineData("search random trials=3 maximize=val_acc {\n lr = loguniform(1e-3, 1e-1)\n}", false)]
    [InlineData("search random trials=3 maximize=val_acc {\n lr = loguniform(1e-3, 1e-1)\n}\nmodel m {\n dense 3\n}", false)]
    [InlineData("search random trials=3 maximize=val_acc {\n lr = loguniform(1e-3, 1e-1)\n}\noptimizer sgd lr=$lr\ntrain m on d epochs=2", true)]
    [InlineData("search random trials=3 maximize=val_acc {\n lr = loguniform(1e-3, 1e-1)\n}\n", true)]
    [InlineData("# tune\nsearch grid maximize=val_acc { lr = choice(0.1, 0.01) }\ntrain m on d  # the trial", true)]
    [InlineData("seed 1\nsearch grid maximize=val_acc { lr = choice(0.1, 0.01) }", false)]
    public void Enter_runs_only_complete_input(string text, bool complete) =>
        Assert.Equal(complete, InputCompleteness.IsComplete(text));

    [Fact]
    public void History_survives_a_restart_with_multi_line_entries()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "state", "history");
        var first = new InputHistory(path);
        first.Add("seed 1");
        first.Add("model m {\n  dense 3\n}");
        first.Add("model m {\n  dense 3\n}");   // repeated: kept once

        var second = new InputHistory(path);
        Assert.Equal(["seed 1", "model m {\n  dense 3\n}"], second.Entries);
        Assert.Equal("model m {\n  dense 3\n}", second.Previous("draft"));
        Assert.Equal("seed 1", second.Previous("ignored"));
        Assert.Null(second.Previous("ignored"));
        Assert.Equal("model m {\n  dense 3\n}", second.Next());
        Assert.Equal("draft", second.Next());
        Assert.Null(second.Next());
    }

    [Fact]
    public void Classifies_keywords_operations_arguments_symbols_and_literals()
    {
        const string text = "train spiral_net on spiral epochs=3 # go\nload dataset \"x\" as y\n:help";
        var spans = new LexicalClassifier().Classify(text, WithDataset("spiral"));
        string Of(TokenKind kind) => string.Join(",", spans.Where(s => s.Kind == kind).Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal("train,on,load,as", Of(TokenKind.Keyword));
        Assert.Equal("spiral", Of(TokenKind.Symbol));
        Assert.Equal("epochs", Of(TokenKind.Parameter));
        Assert.Equal("3", Of(TokenKind.Number));
        Assert.Equal("\"x\"", Of(TokenKind.String));
        Assert.Equal("# go", Of(TokenKind.Comment));
        Assert.Equal(":help", Of(TokenKind.Command));
    }

    [Fact]
    public void The_transcript_finds_names_outside_strings_comments_and_numbers()
    {
        var names = NetScript.Hosting.SessionTranscript.Identifiers("train m on \"d\" lr=1e-3 # val\n").Select(i => i.Name);
        Assert.Equal(["train", "m", "on", "lr"], names);
        Assert.NotNull(SourceText.From(""));
    }
}

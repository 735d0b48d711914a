using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Semantics;

/// <summary>Golden/checker/NAME.nns is checked; NAME.out holds the rendered errors, or (when
/// there are none) the warnings followed by the checked steps.</summary>
public sealed class CheckerGoldenTests
{
    public static IEnumerable<object[]> Inputs() => GoldenFile.Inputs("checker").Where(i => !LoadsFashionMnist(i));

    public static IEnumerable<object[]> InputsOnFashionMnist() => GoldenFile.Inputs("checker").Where(LoadsFashionMnist);

    // The checker reads the installed package's headers for Fashion-MNIST's row counts.
    static bool LoadsFashionMnist(object[] input) =>
        GoldenFile.Read("checker", (string)input[0]).Contains("\"fashion-mnist\"", StringComparison.Ordinal);

    // Raised while running, not by the checker, each tested in Runtime/, Engine/, Statistics/,
    // Repl/ or Cli/; NS0722 needs image data, which no catalog entry describes without an
    // installed package (tested with a fixed resolver in Engine/RegularizationCheckerTests).
    static readonly string[] NotInGoldens = ["NS0610", // a run's files: Runtime/RecordingFaultTests
        "NS0050", // every statement and argument is implemented; kept for the next planned one
        "NS0701", "NS0702", "NS0703", "NS0710", "NS0722", "NS0901", "NS0999", "NS1001", "NS1002", "NS1003",
        "NS1101", "NS1102", "NS1103", "NS1104", "NS1105", "NS1106", "NS1107",
        "NS1206", "NS1207", // a search whose trials all fail, Slurm missing: Runtime/Search/SearchRunnerTests, Runtime/Search/SlurmTests
        "NS1303", "NS1310", // export failing while running, netscript predict: Runtime/Export/ModelFileTests, PredictTests
        "NS0812", // the host's snippet compiler when libtorch cannot load: Scripting/SnippetSessionTests
        "NS0520", "NS0741", // need a one-class or empty dataset, which no catalog entry makes: Language/Semantics/RowCountTests
        "NS0742", // raised while running: Runtime/Training/FiniteMetricsTests
        "NS0743", // takes the probe's time limit: Scripting/SnippetProbeTests, with a short one
        "NS0744", // printed by the CLI when C# code calls Environment.Exit
        "NS0711", // depends on the host's CPU, which goldens cannot fix: Language/Semantics/PrecisionCheckTests
        "NS0457"]; // an ensemble member's weight file gone while running: Runtime/Ensembles/EnsembleTests

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Checks_as_expected(string name) => CheckGolden(name);

    [FashionMnistTheory]
    [MemberData(nameof(InputsOnFashionMnist))]
    public void Checks_as_expected_on_fashion_mnist(string name) => CheckGolden(name);

    static void CheckGolden(string name)
    {
        var compilation = Check(GoldenFile.Read("checker", name), name);
        string actual = compilation.HasErrors
            ? DiagnosticFormatter.FormatAll(compilation.Diagnostics) + "\n"
            : string.Concat(compilation.Diagnostics.Select(d => DiagnosticFormatter.Format(d) + "\n"))
                + string.Concat(compilation.Program!.Steps.Select(s => Describe(s) + "\n"));
        GoldenFile.Verify("checker", name, ".out", actual);
    }

    [Fact]
    public void Every_diagnostic_the_front_end_raises_has_a_golden_file()
    {
        string goldens = string.Concat(
            Directory.EnumerateFiles(RepoPaths.Golden("checker"), "*.out")
                .Concat(Directory.EnumerateFiles(RepoPaths.Golden("parser"), "*.ast"))
                .Concat(Directory.EnumerateFiles(RepoPaths.Golden("snippets"), "*.out"))
                .Select(File.ReadAllText));
        var missing = DiagnosticCatalog.All
            .Where(d => !NotInGoldens.Contains(d.Id) && !goldens.Contains(" " + d.Id + ":", StringComparison.Ordinal))
            .Select(d => d.Id)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_diagnostic_has_its_own_id()
    {
        var shared = DiagnosticCatalog.All.GroupBy(d => d.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(d => d.Title))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void Retired_ids_are_not_given_to_another_diagnostic()
    {
        Assert.Contains("NS0712", DiagnosticCatalog.Retired);
        Assert.DoesNotContain(DiagnosticCatalog.All, d => DiagnosticCatalog.Retired.Contains(d.Id));
    }

    internal static Compilation Check(string text, string name = "test.nns") =>
        Compilation.Create(SourceText.From(text, name), new CompilationOptions(new CatalogResolver()));

    internal static string Describe(PipelineStep step) => step switch
    {
        SeedStep s => $"seed {s.Seed}",
        ThreadsStep s => $"threads {s.Count}",
        LoadStep s => $"load {s.Name} = {s.Source.Location}({s.Source.Arguments.Describe()}) seed={s.Source.Seed} -> {s.Info.Features} x {s.Info.Rows}, {s.Info.Classes} classes{(s.ApplyPreprocessing ? ", preprocessed" : "")}",
        KfoldStep s => $"kfold {s.Name} = {s.Source} k={s.K} stratify={s.Stratify} seed={s.Seed}",
        SplitStep s => $"split {s.Source} -> {string.Join(", ", s.Parts.Select(p => $"{p.Name}={p.Fraction}"))} stratify={s.Stratify} seed={s.Seed}",
        PreprocessStep s => $"preprocess fit={s.FitOn} [{string.Join(", ", s.Operations.Select(o => $"{o.Kind}({o.Arguments.Describe()})"))}] -> {string.Join(", ", s.Targets)}",
        ModelStep s => $"model {s.Model.Name}: {string.Join(" -> ", s.Model.Layers)}" + (s.Model.Init is { } init ? $"; init {init}" : ""),
        OptimizerStep s => $"optimizer {s.Optimizer}",
        ScheduleStep s => $"schedule {s.Schedule}",
        RegularizeStep s => $"regularize {s.Model}: {s.Regularization}",
        TrainStep s => $"train {s.Model} on {s.Data} validate={s.Validate ?? "-"} ({s.Settings.Arguments.Describe()}) {s.Optimizer}\n"
            + string.Concat(s.Plan.Layers.Select(l => Describe(l, "  ")))
            + (s.LossParameters > 0 ? $"  loss params {s.LossParameters}\n" : "")
            + (s.Schedule is { } schedule ? $"  schedule {schedule}\n" : "")
            + (s.Regularization is { } regularization ? $"  regularize {regularization}\n" : "")
            + (s.Settings.Loss.Snippet is { } loss ? $"  C# loss {s.Settings.Loss} gets {loss.Targets}{(s.Settings.Loss.HasAccuracy ? ", measures accuracy" : "")}\n" : "")
            + string.Concat(s.Metrics.Select(m => $"  C# metric {m.Name} gets {m.Targets}\n"))
            + (s.Folds is { } f ? $"  cross-validate {f.K} folds of {f.Source}, refit per fold [{string.Join(", ", f.Refit.Select(o => o.Kind))}]\n" : "")
            + $"  total params {s.Plan.Parameters + s.LossParameters}",
        EvaluateStep s => $"evaluate {s.Model} on {s.Data} batch={s.BatchSize} loss={s.Loss}" + (s.TopK is { } k ? $" top_k={k}" : "")
            + (s.Metrics.IsEmpty ? "" : $" metrics=[{string.Join(", ", s.Metrics.Select(m => m.Name))}]"),
        DefinitionStep { Definition: var d } => $"{d.Noun} {d.Name} = " + (d.Snippet is { } code ? $"csharp {code.Fingerprint}" : $"{d.Builtin!.Spec.Name}({d.Builtin.Describe()})"),
        SearchStep s => $"{s.Plan} repeats {s.BodyStatements} statements",
        LrFindStep s => $"lr_find {s.Model} on {s.Data} start={s.Start} end={s.End} steps={s.Steps} suggest={s.Suggest}, each mini-batch as: " + Describe(s.Train),
        _ => step.GetType().Name,
    };

    /// <summary>A layer's line; a residual block's branch and shortcut follow it, indented.</summary>
    static string Describe(LayerPlan l, string indent) =>
        $"{indent}{l.Layer.Kind,-8} {l.Input} -> {l.Output}  params {l.Parameters}\n"
        + string.Concat(l.Body.Select(b => Describe(b, indent + "  ")))
        + (l.Shortcut is { } shortcut ? Describe(shortcut, indent + "  shortcut ") : "");
}

using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Tests.Runtime.Training;

/// <summary>Checks a model against data of any shape (the catalog only generates 2-D points):
/// a resolver describes every dataset as <c>input</c>-shaped samples with the given classes
/// or real-valued targets, so tests get the checker's plans for images and regression.</summary>
internal static class EnginePlans
{
    sealed class FixedResolver(DatasetInfo info) : IDatasetResolver
    {
        public DatasetInfo? Describe(DataSourceSpec source, out string? error)
        {
            error = null;
            return info;
        }
    }

    /// <param name="after">Statements between the model and the training (`regularize m { … }`).</param>
    public static Compilation Check(string model, Shape input, int classes = 3, Shape? targets = null, string train = "", string before = "",
        string after = "")
    {
        string text = $"load dataset \"spiral\" as d\nsplit d into train=0.5 val=0.5\n{before}model m {{\n{model}\n}}\n{after}train m on train {train}\n";
        var info = new DatasetInfo(input, targets is null ? classes : 0, 100) { Targets = targets };
        return Compilation.Create(SourceText.From(text, "engine.nns"), new CompilationOptions(new FixedResolver(info)));
    }

    /// <summary>The checked train step (asserts the script checks).</summary>
    public static TrainStep Train(string model, Shape input, int classes = 3, Shape? targets = null, string train = "", string before = "",
        string after = "")
    {
        var compilation = Check(model, input, classes, targets, train, before, after);
        Assert.False(compilation.HasErrors, DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        return compilation.Program!.Steps.OfType<TrainStep>().Single();
    }

    /// <summary>The checked train step, lowered as the runtime receives it.</summary>
    public static TrainPlan Lowered(string model, Shape input, int classes = 3, Shape? targets = null, string train = "", string before = "",
        string after = "") => (TrainPlan)Lowerer.Lower(Train(model, input, classes, targets, train, before, after));

    /// <summary>The lowered model of a model ending in any flat width (hierarchical softmax takes one).</summary>
    public static ModelSpec Plan(string model, Shape input, int classes = 3) =>
        Lowered(model, input, classes, train: "loss=hierarchical_softmax").Network;
}

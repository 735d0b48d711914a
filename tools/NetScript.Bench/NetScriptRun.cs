using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Bench;

/// <summary>The same training as a NetScript script, compiled and run by the pipeline
/// executor with a run folder, as <c>netscript run</c> does. The generated data is put in the
/// workspace as dataset <c>train</c> (the catalog has no MNIST-shaped generator; loading is
/// not what is measured). Epoch times come from the trainer's own epoch clock.</summary>
public static class NetScriptRun
{
    public static double[] Train(BenchModel spec, TensorDataset data, int epochs, long seed, bool statistics, string runsRoot)
    {
        string stats = statistics ? "" : " stats=0"; // with statistics: the schema's default interval
        string text = $"""
            seed {seed}
            threads {BenchModel.Threads}
            model {spec.Name} {"{"} {spec.NetScriptModel} {"}"}
            optimizer sgd lr={BenchModel.LearningRate}
            train {spec.Name} on train epochs={epochs} batch={BenchModel.BatchSize}{stats}

            """;
        var info = new DatasetInfo(Shape.Of(spec.SampleShape.Select(d => (int)d).ToArray()), spec.Classes, data.Count);
        var symbols = SessionSymbols.Empty with
        {
            Datasets = ImmutableDictionary<string, DatasetSymbol>.Empty.Add("train", new DatasetSymbol("train", info, "train", true, false, "bench")),
        };
        var compilation = Compilation.Create(SourceText.From(text, "bench.nns"), new CompilationOptions(new CatalogResolver()), symbols);
        if (compilation.HasErrors) throw new InvalidOperationException(DiagnosticFormatter.FormatAll(compilation.Diagnostics));

        var workspace = new Workspace();
        // An alias shares the tensors' storage: disposing the workspace leaves the data alive.
        workspace.SetDataset("train", new TensorDataset(data.Features.alias(), data.Labels.alias(), data.Classes));
        var epochsSeen = new EpochTimes();
        try
        {
            var folder = RunFolder.Create(runsRoot, "bench.nns", text);
            var result = new PipelineExecutor(workspace, epochsSeen, folder).Execute(compilation.Program!, CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(result.Failure!.Message);
        }
        finally
        {
            workspace.Dispose();
        }
        return epochsSeen.Seconds(data.Count);
    }

    sealed class EpochTimes : IRunObserver
    {
        readonly List<double> _samplesPerSecond = new();

        public void OnEvent(RunEvent e)
        {
            if (e is EpochCompleted c) _samplesPerSecond.Add(c.SamplesPerSecond);
        }

        public double[] Seconds(long samples) => _samplesPerSecond.Select(s => samples / s).ToArray();
    }
}

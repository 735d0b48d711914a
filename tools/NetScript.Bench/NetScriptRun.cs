using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Bench;

/// <summary>The same training as a NetScript script, compiled and run by the pipeline
/// executor with a run folder, as <c>netscript run</c> does. The generated data is put in the
/// workspace as dataset <c>train</c> (the catalog has no MNIST-shaped generator; loading is
/// not what is measured).</summary>
public static class NetScriptRun
{
    public static EpochMeasure[] Train(BenchModel spec, TensorDataset data, int epochs, long seed, bool statistics, string runsRoot,
        string precision = "fp32")
    {
        string stats = statistics ? "" : " stats=0"; // with statistics: the schema's default interval
        string text = $"""
            seed {seed}
            threads {BenchModel.Threads}
            model {spec.Name} {"{"} {spec.NetScriptModel} {"}"}
            optimizer sgd lr={BenchModel.LearningRate}
            train {spec.Name} on train epochs={epochs} batch={BenchModel.BatchSize} precision={precision}{stats}

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
        return epochsSeen.Measures();
    }

    /// <summary>Epoch 1 from the trainer's clock (it is warm-up and not scored); every later
    /// epoch as the wall time between two EpochCompleted events, so what NetScript does between
    /// epochs (metrics, the checkpoint it writes each epoch, events) counts against it.</summary>
    sealed class EpochTimes : IRunObserver
    {
        readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        readonly List<EpochMeasure> _epochs = new();
        double _last;

        // Raised on the training thread at the end of the epoch, like the hand loop's reading.
        public void OnEvent(RunEvent e)
        {
            if (e is not EpochCompleted c) return;
            double now = _clock.Elapsed.TotalSeconds;
            double seconds = _epochs.Count == 0 ? c.Elapsed.TotalSeconds : now - _last;
            _last = now;
            _epochs.Add(new EpochMeasure(seconds, ProcessMemory.ResidentMegabytes()));
        }

        public EpochMeasure[] Measures() => _epochs.ToArray();
    }
}

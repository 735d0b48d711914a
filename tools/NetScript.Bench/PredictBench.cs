using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Export;

namespace NetScript.Bench;

/// <summary>Batch inference as <c>netscript predict</c> runs it: the model is trained for one
/// epoch on the generated data and exported, the data written as Parquet, then the model file
/// is run over it <paramref name="repeats"/> times. Rows/s count the preprocessing and the
/// forward passes, not reading or writing files (the median of the repeats).</summary>
public static class PredictBench
{
    public static double RowsPerSecond(BenchModel spec, TensorDataset data, long seed, string folder, int repeats)
    {
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, spec.Name + ".nnsm"), rows = Path.Combine(folder, spec.Name + ".parquet");
        string text = $"""
            seed {seed}
            threads {BenchModel.Threads}
            model {spec.Name} {"{"} {spec.NetScriptModel} {"}"}
            optimizer sgd lr={BenchModel.LearningRate}
            train {spec.Name} on train epochs=1 batch={BenchModel.BatchSize} stats=0
            export {spec.Name} to "{model}"

            """;
        var info = new DatasetInfo(Shape.Of(spec.SampleShape.Select(d => (int)d).ToArray()), spec.Classes, data.Count);
        var symbols = SessionSymbols.Empty with
        {
            Datasets = ImmutableDictionary<string, DatasetSymbol>.Empty.Add("train", new DatasetSymbol("train", info, "train", true, false, "bench")),
        };
        var compilation = Compilation.Create(SourceText.From(text, "predict.nns"), new CompilationOptions(new CatalogResolver()), symbols);
        if (compilation.HasErrors) throw new InvalidOperationException(DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        using (var workspace = new Workspace())
        {
            workspace.SetDataset("train", new TensorDataset(data.Features.alias(), data.Labels.alias(), data.Classes));
            var result = new PipelineExecutor(workspace, new Quiet(), null).Execute(compilation.Program!, CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(result.Failure!.Message);
        }
        ParquetDatasetWriter.Write(data, rows);
        var rates = Enumerable.Range(0, repeats)
            .Select(_ => Predictor.Predict(model, rows, Path.Combine(folder, spec.Name + "-preds.parquet")).RowsPerSecond)
            .Order().ToArray();
        return rates[rates.Length / 2];
    }

    sealed class Quiet : IRunObserver
    {
        public void OnEvent(RunEvent e)
        {
        }
    }
}

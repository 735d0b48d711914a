using System.Diagnostics;
using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Bench;

/// <summary>`tools/bench --data`: the data path of a Fashion-MNIST script, run by the pipeline
/// executor as `netscript run` runs it. fmnist_load_s: both splits from the Parquet cache (the
/// cache is made first, untimed); fmnist_prep_s: the split and `scale 1/255; standardize`
/// after them; parquet_read_mb_s: float32 tensor megabytes per second of reading the train
/// cache alone. Each is the median of its rounds.</summary>
public static class DataBench
{
    const string Script = """
        seed 1
        load dataset "fashion-mnist" split=train as train
        load dataset "fashion-mnist" split=test as test
        split train into train=0.9 val=0.1 stratify
        preprocess { scale 1/255; standardize }

        """;

    public static (double LoadSeconds, double PrepSeconds, double ReadMegabytesPerSecond, double PeakMegabytes) Run(int rounds)
    {
        foreach (string split in FashionMnist.Splits) FashionMnist.Default.EnsureCached(split);
        var load = new double[rounds];
        var prep = new double[rounds];
        var read = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            (load[round], prep[round]) = Pipeline();
            var clock = Stopwatch.StartNew();
            using (TensorDataset train = FashionMnist.Default.Load("train"))
                read[round] = train.Features.NumberOfElements * 4 / 1e6 / clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"data round {round + 1}/{rounds}: load {load[round]:0.000} s, prep {prep[round]:0.000} s, read {read[round]:0} MB/s");
        }
        return (Median(load), Median(prep), Median(read), ProcessMemory.PeakMegabytes());
    }

    static (double Load, double Prep) Pipeline()
    {
        var clock = Stopwatch.StartNew();
        var compilation = Compilation.Create(SourceText.From(Script, "bench-data.nns"), new CompilationOptions(new CatalogResolver()));
        if (compilation.HasErrors) throw new InvalidOperationException(DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        var times = new EventTimes(clock);
        using var workspace = new Workspace();
        var result = new PipelineExecutor(workspace, times, null).Execute(compilation.Program!, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(result.Failure!.Message);
        return (times.Loaded, times.Preprocessed - times.Loaded);
    }

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>When the test split is ready (both loads done) and when preprocessing is fitted
    /// and applied.</summary>
    sealed class EventTimes(Stopwatch clock) : IRunObserver
    {
        public double Loaded { get; private set; }

        public double Preprocessed { get; private set; }

        public void OnEvent(RunEvent e)
        {
            if (e is DatasetReady { Name: "test" }) Loaded = clock.Elapsed.TotalSeconds;
            else if (e is PreprocessingFitted) Preprocessed = clock.Elapsed.TotalSeconds;
        }
    }
}

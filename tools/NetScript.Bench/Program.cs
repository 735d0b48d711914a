using System.Globalization;
using NetScript.Bench;
using NetScript.Data;
using static TorchSharp.torch;

// tools/bench [--quick]: for every model of BenchModel.All, alternates hand loop, NetScript
// with statistics off and NetScript with statistics at the default interval, in one process
// on the same data, and prints one `name value` line per figure. A ratio is the median over
// rounds of NetScript's samples/s divided by the hand loop's in the same round (pairing
// cancels slow drifts in machine load); the order of the sides rotates from round to round so
// none always runs first. The first epoch of every run is warm-up and ignored for speed, and
// so is the first round of every model: in one process the rates settle only after every side
// has run once (measured on the MLP: the hand loop ran 110–123k samples/s in the first rounds
// and ~80k in every later one, NetScript ~80k throughout, so the first rounds alone gave
// mlp_ratio 0.81 and seven rounds 0.98).
// Memory: resident size after epoch 1 and after the last epoch of each run; the reported
// growth is the largest over the rounds (target: within 5%).
// `repl_first_frame_s`: the median time from starting `netscript repl` to its first frame
// (ReplStartup); `--repl` measures only that.
bool quick = args.Contains("--quick"), search = args.Contains("--search");
bool dataOnly = args.Contains("--data");
bool replOnly = args.Contains("--repl");
bool predictOnly = args.Contains("--predict"); // batch inference only (netscript predict), < 1 min
if (args.Any(a => a is not ("--quick" or "--data" or "--predict" or "--search" or "--repl")))
{
    Console.Error.WriteLine("usage: tools/bench [--quick] [--data] [--predict] [--search] [--repl]");
    return 2;
}
string repoRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
void ReplLine()
{
    double? firstFrame = ReplStartup.FirstFrameSeconds(repoRoot, quick ? 3 : 5);
    if (firstFrame is { } s) Console.WriteLine($"repl_first_frame_s {s.ToString("0.000", CultureInfo.InvariantCulture)}");
    else Console.Error.WriteLine("repl_first_frame_s: not measured (needs tmux)");
}
if (replOnly)
{
    ReplLine();
    return 0;
}
int rounds = quick ? 5 : 9, epochs = quick ? 3 : 5;
const int WarmupRounds = 1;
const long Seed = 1;
var invariant = CultureInfo.InvariantCulture;
void Line(string name, double value, string format) => Console.WriteLine($"{name} {value.ToString(format, invariant)}");

// Load libtorch the way NetScript does, so both sides run with the same malloc settings
// (TorchRuntime.KeepFreedMemory): the ratio measures NetScript's loop, not the allocator.
NetScript.Runtime.TorchRuntime.EnsureLoaded();
set_num_threads(BenchModel.Threads);
if (FashionMnist.IsInstalled && !predictOnly && !search)
{
    var (load, prep, read, peak) = DataBench.Run(quick ? 3 : 5);
    Line("fmnist_load_s", load, "0.000");
    Line("fmnist_prep_s", prep, "0.000");
    Line("parquet_read_mb_s", read, "0");
    Line("fmnist_data_peak_rss_mb", peak, "0");
}
else
{
    Console.Error.WriteLine($"bench: skipping the data lines: {FashionMnist.PackageName} is not installed");
}
if (dataOnly) return 0;
string runs = Path.Combine(Path.GetTempPath(), "netscript-bench-" + Environment.ProcessId);
try
{
    // --search: only the search figures (SearchBench), not the training ones.
    if (search) SearchBench.Run(runs, Line);
    foreach (BenchModel spec in search ? [] : BenchModel.All)
    {
        long rows = quick ? spec.QuickRows : spec.Rows;
        manual_seed(Seed);
        using var data = new TensorDataset(randn([rows, .. spec.SampleShape]), randint(0, spec.Classes, [rows]), spec.Classes);
        Line($"{spec.Name}_predict_rows_per_s", PredictBench.RowsPerSecond(spec, data, Seed, Path.Combine(runs, "predict"), repeats: 3), "0");
        if (predictOnly) continue;
        var sides = new (string Name, Func<EpochMeasure[]> Run)[]
        {
            ("hand", () => HandLoop.Train(spec, data, epochs, Seed)),
            ("netscript", () => NetScriptRun.Train(spec, data, epochs, Seed, statistics: false, runs)),
            ("stats", () => NetScriptRun.Train(spec, data, epochs, Seed, statistics: true, runs)),
            ("bf16", () => NetScriptRun.Train(spec, data, epochs, Seed, statistics: false, runs, precision: "bf16")),
        }.Where(s => s.Name != "bf16" || spec.Bf16).ToArray();
        var rates = sides.ToDictionary(s => s.Name, _ => new double[rounds - WarmupRounds]);
        var peaks = sides.ToDictionary(s => s.Name, _ => 0.0);
        var memory = sides.ToDictionary(s => s.Name, _ => (First: 0.0, Last: 0.0));
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < sides.Length; i++)
            {
                var (name, run) = sides[(i + round) % sides.Length];
                ProcessMemory.ResetPeak();
                EpochMeasure[] measured = run();
                double rate = rows * (epochs - 1) / measured.Skip(1).Sum(m => m.Seconds);
                Console.Error.Write($"{(i == 0 ? $"{spec.Name} round {round + 1}/{rounds}{(round < WarmupRounds ? " (warm-up)" : "")}:" : ",")} {name} {rate:N0} samples/s");
                if (round < WarmupRounds) continue;
                peaks[name] = Math.Max(peaks[name], ProcessMemory.PeakMegabytes());
                rates[name][round - WarmupRounds] = rate;
                var (first, last) = (measured[0].ResidentMegabytes, measured[^1].ResidentMegabytes);
                if (round == WarmupRounds || last / first > memory[name].Last / memory[name].First) memory[name] = (first, last);
            }
            Console.Error.WriteLine();
        }
        foreach (var (name, _) in sides)
        {
            Line($"{spec.Name}_{name}_samples_per_s", Median(rates[name]), "0");
            Line($"{spec.Name}_{name}_peak_rss_mb", peaks[name], "0");
            Line($"{spec.Name}_{name}_rss_epoch1_mb", memory[name].First, "0");
            Line($"{spec.Name}_{name}_rss_last_mb", memory[name].Last, "0");
            Line($"{spec.Name}_{name}_rss_growth", memory[name].Last / memory[name].First - 1, "+0.0%;-0.0%");
        }
        Line($"{spec.Name}_ratio", Median(rates["netscript"].Zip(rates["hand"], (a, b) => a / b)), "0.000");
        Line($"{spec.Name}_stats_ratio", Median(rates["stats"].Zip(rates["hand"], (a, b) => a / b)), "0.000");
        // fp32 step time over bf16 step time (NetScript both sides), for `precision=bf16`.
        if (spec.Bf16) Line($"{spec.Name}_bf16_ratio", Median(rates["bf16"].Zip(rates["netscript"], (a, b) => a / b)), "0.000");
    }
}
finally
{
    if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
}
ReplLine();
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

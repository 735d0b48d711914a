using System.Globalization;
using NetScript.Bench;
using NetScript.Data;
using static TorchSharp.torch;

// tools/bench [--quick]: for every model of BenchModel.All, alternates hand loop, NetScript
// with statistics off and NetScript with statistics at the default interval, in one process
// on the same data, and prints one `name value` line per figure. A ratio is the median over
// rounds of NetScript's samples/s divided by the hand loop's in the same round (pairing
// cancels slow drifts in machine load). The first epoch of every run is warm-up and ignored.
bool quick = args.Contains("--quick");
if (args.Any(a => a != "--quick"))
{
    Console.Error.WriteLine("usage: tools/bench [--quick]");
    return 2;
}
int rounds = quick ? 3 : 7, epochs = quick ? 3 : 5;
const long Rows = 60_000, Seed = 1;
var invariant = CultureInfo.InvariantCulture;
void Line(string name, double value, string format) => Console.WriteLine($"{name} {value.ToString(format, invariant)}");

set_num_threads(BenchModel.Threads);
string runs = Path.Combine(Path.GetTempPath(), "netscript-bench-" + Environment.ProcessId);
try
{
    foreach (BenchModel spec in BenchModel.All)
    {
        manual_seed(Seed);
        using var data = new TensorDataset(randn([Rows, .. spec.SampleShape]), randint(0, spec.Classes, [Rows]), spec.Classes);
        var sides = new (string Name, Func<double[]> Run)[]
        {
            ("hand", () => HandLoop.Train(spec, data, epochs, Seed)),
            ("netscript", () => NetScriptRun.Train(spec, data, epochs, Seed, statistics: false, runs)),
            ("stats", () => NetScriptRun.Train(spec, data, epochs, Seed, statistics: true, runs)),
        };
        var rates = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var peaks = sides.ToDictionary(s => s.Name, _ => 0.0);
        for (int round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in sides)
            {
                PeakMemory.Reset();
                double[] seconds = run();
                peaks[name] = Math.Max(peaks[name], PeakMemory.Megabytes());
                rates[name].Add(Rows * (epochs - 1) / seconds.Skip(1).Sum());
            }
            Console.Error.WriteLine($"{spec.Name} round {round + 1}/{rounds}: " + string.Join(", ", sides.Select(s => $"{s.Name} {rates[s.Name][^1]:N0} samples/s")));
        }
        foreach (var (name, _) in sides)
        {
            Line($"{spec.Name}_{name}_samples_per_s", Median(rates[name]), "0");
            Line($"{spec.Name}_{name}_peak_rss_mb", peaks[name], "0");
        }
        Line($"{spec.Name}_ratio", Median(rates["netscript"].Zip(rates["hand"], (a, b) => a / b)), "0.000");
        Line($"{spec.Name}_stats_ratio", Median(rates["stats"].Zip(rates["hand"], (a, b) => a / b)), "0.000");
    }
}
finally
{
    if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
}
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

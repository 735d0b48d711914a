using System.Diagnostics;
using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

string opt = args.Length > 0 ? args[0] : "sgd";
int epochs = args.Length > 1 ? int.Parse(args[1]) : 2;
string extra = args.Length > 2 ? args[2] : "";
torch.set_num_threads(2);
manual_seed(1);
var x = randn(20000, 784);
var y = randint(0, 10, 20000);
using var data = new TensorDataset(x, y, 10);

var info = new DatasetInfo(Shape.Of(784), 10, 20000);
string text = $"load dataset \"spiral\" as d\nsplit d into train=0.5 val=0.5\nmodel m {{ dense 256 -> relu; dense 10 }}\noptimizer {(opt == "sgd" ? "sgd lr=0.01 momentum=0.9" : "adam")}\ntrain m on train epochs={epochs} batch=128 {extra}\n";
var comp = Compilation.Create(SourceText.From(text, "b.nns"), new CompilationOptions(new R(info)));
if (comp.HasErrors) { Console.WriteLine(string.Join("\n", comp.Diagnostics)); return; }
var step = comp.Program!.Steps.OfType<TrainStep>().Single();

double Hand()
{
    manual_seed(2);
    using var model = nn.Sequential(("dense1", nn.Linear(784, 256)), ("relu1", nn.ReLU()), ("dense2", nn.Linear(256, 10)));
    using optim.Optimizer o = opt == "sgd" ? optim.SGD(model.parameters(), 0.01, momentum: 0.9) : optim.Adam(model.parameters());
    using var g = new Generator(1);
    var sw = Stopwatch.StartNew();
    long n = data.Count; int batch = 128; int steps = (int)((n + batch - 1) / batch);
    for (int e = 0; e < epochs; e++)
    {
        using var es = NewDisposeScope();
        var order = randperm(n, generator: g);
        for (int s = 0; s < steps; s++)
        {
            using var ss = NewDisposeScope();
            var idx = order.narrow(0, (long)s * batch, Math.Min(batch, n - (long)s * batch));
            var xb = data.Features.index_select(0, idx); var yb = data.Labels.index_select(0, idx);
            o.zero_grad();
            var l = nn.functional.cross_entropy(model.call(xb), yb);
            l.backward();
            o.step();
        }
        _ = model.parameters().First().sum().item<float>();
    }
    return n * epochs / sw.Elapsed.TotalSeconds;
}

double Net()
{
    manual_seed(2);
    using var model = new TrainedModel(step.Plan, ModelBuilder.Build(step.Plan));
    var sw = Stopwatch.StartNew();
    Trainer.Train(new TrainRequest(model, "d", data, null, step.Settings, step.Optimizer, 1) { LogDirectory = extra.Contains("log") ? "/tmp/enginebench/log" + Guid.NewGuid() : null }, new Null(), CancellationToken.None);
    return data.Count * epochs / sw.Elapsed.TotalSeconds;
}

Hand(); Net(); // warm up
var hs = new List<double>(); var ns = new List<double>();
for (int i = 0; i < 5; i++) { hs.Add(Hand()); ns.Add(Net()); }
hs.Sort(); ns.Sort();
Console.WriteLine($"{opt}: hand {hs[2]:F0} samples/s, netscript {ns[2]:F0} samples/s, ratio {ns[2] / hs[2]:F3}  (all hand {string.Join(",", hs.Select(v => v.ToString("F0")))} net {string.Join(",", ns.Select(v => v.ToString("F0")))})");

sealed class R(DatasetInfo info) : IDatasetResolver { public DatasetInfo? Describe(DatasetSource s, out string? e) { e = null; return info; } }
sealed class Null : IRunObserver { public void OnEvent(RunEvent e) { } }

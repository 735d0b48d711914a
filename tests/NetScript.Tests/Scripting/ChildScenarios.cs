using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Scripting;
using NetScript.Scripting.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

/// <summary>Scenarios run in a child process (<see cref="ChildProcess"/>): each could abort the
/// process if a guard were wrong, or needs a fresh process (a disk-cache hit).</summary>
public static class ChildScenarios
{
    public const string MatmulScript = """
        loss instance = csharp { (pred, target) => pred.matmul(target).mean() }
        loss qualified = csharp { (pred, target) => torch.matmul(pred, target).mean() }
        loss imported = csharp {
            (pred, target) =>
            {
                var scores = matmul(pred, target);
                return scores.mean();
            }
        }
        """;

    static readonly Dictionary<string, Func<string[], int>> s_scenarios = new()
    {
        ["matmul-guarded"] = _ => MatmulGuarded(),
        ["matmul-unguarded"] = _ => MatmulUnguarded(),
        ["matmul-sweep"] = _ => MatmulSweep.Run(),
        ["compile"] = Compile,
        ["call-overhead"] = _ => CallOverhead(),
        ["bf16-regions"] = _ => Runtime.Training.PrecisionScenarios.Regions(),
        ["bf16-cnn-losses"] = Runtime.Training.PrecisionScenarios.CnnLosses,
        ["bf16-conv-sweep"] = Runtime.Models.ConvolutionScenarios.Sweep,
        ["bf16-conv"] = Runtime.Models.ConvolutionScenarios.Check,
    };

    public static IEnumerable<string> Names => s_scenarios.Keys;

    public static int Run(string name, string[] arguments) => s_scenarios[name](arguments);

    /// <summary>Each form of a mismatched matmul (3 != 5) in a loss: every one must come back as
    /// a diagnostic; if one were not guarded, this process would abort on it.</summary>
    static int MatmulGuarded()
    {
        var source = SourceText.From(MatmulScript, "matmul.nns");
        var compiler = SnippetScripts.InMemory();
        using var prediction = torch.randn(4, 3);
        using var target = torch.randn(5, 2);
        foreach (SnippetSource snippet in SnippetScripts.All(source))
        {
            CompiledSnippet compiled = compiler.Compile(snippet);
            if (compiled.HasErrors) return Fail(string.Join("\n", compiled.Diagnostics));
            try
            {
                compiled.Invoke(prediction, target);
                return Fail($"{snippet.Noun} returned");
            }
            catch (SnippetException e)
            {
                Console.WriteLine(DiagnosticFormatter.Format(e.Diagnostic));
            }
        }
        return 0;
    }

    /// <summary>The control: the same call emitted without the guard. Expected to abort
    /// ("terminate called after throwing an instance of 'c10::Error'"), which shows that the
    /// guarded scenario would fail if the guard were missing.</summary>
    static int MatmulUnguarded()
    {
        SnippetSource snippet = SnippetScripts.All(SourceText.From(MatmulScript, "matmul.nns"))[0];
        SnippetBuilder.Output output = SnippetBuilder.Build(snippet.Kind, snippet.Code, CancellationToken.None, guardMatmul: false);
        var function = (Func<Tensor, Tensor, Tensor>)SnippetLoader.Load(output.Image!, snippet.Kind, snippet.Code)!.Function!;
        Console.Out.Flush();
        try
        {
            function(torch.randn(4, 3), torch.randn(5, 2));
        }
        catch (Exception e)
        {
            Console.WriteLine($"caught {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return 0;
        }
        Console.WriteLine("returned");
        return 0;
    }

    /// <summary>compile CACHE_DIR (KIND CODE)…: prints, per snippet, where it came from, how long
    /// it took, and its value on fixed inputs — used by the disk-cache test and tools/snippet-timings.</summary>
    static int Compile(string[] arguments)
    {
        var compiler = new SnippetCompiler(new SnippetCompilerOptions(arguments[0]));
        for (int i = 1; i + 1 < arguments.Length; i += 2)
        {
            var kind = Enum.Parse<SnippetKind>(arguments[i], ignoreCase: true);
            string code = arguments[i + 1];
            var source = SourceText.From($"{kind.ToString().ToLowerInvariant()} s = csharp {{{code}}}", "timing.nns");
            TimeSpan cpu = Environment.CpuUsage.TotalTime;
            CompiledSnippet compiled = compiler.Compile(SnippetSource.At(kind, "s", source, new TextSpan(source.Text.IndexOf('{') + 1, code.Length)));
            cpu = Environment.CpuUsage.TotalTime - cpu;
            if (compiled.HasErrors) return Fail(string.Join("\n", compiled.Diagnostics));
            // CPU time beside wall time: on a busy machine the wall clock mostly measures the others.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{compiled.Origin} {compiled.CompileTime.TotalMilliseconds:F0} ms (cpu {cpu.TotalMilliseconds:F0} ms) value {Value(compiled):R}"));
        }
        return 0;
    }

    /// <summary>Time per call of compiled snippets against the same lambdas written in C# (for
    /// tools/snippet-timings; no test asserts timings). Rounds alternate between the two so that
    /// load from other processes hits both alike; the median round is printed.</summary>
    static int CallOverhead()
    {
        // One libtorch thread: the difference measured is the call path, and idle intra-op
        // threads competing with other processes would only add noise.
        torch.set_num_threads(1);
        SnippetCompiler compiler = SnippetScripts.InMemory();
        using Tensor logits = torch.randn(128, 10), targets = torch.randint(0, 10, [128], ScalarType.Int64); // (B, C), (B)
        using Tensor small = torch.randn(4, 2), smallTargets = torch.zeros(4, ScalarType.Int64);
        (string Name, CompiledSnippet Snippet, Func<Tensor, Tensor, Tensor> Host, Tensor P, Tensor T)[] cases =
        [
            ("cross_entropy (128, 10)", compiler.Compile("loss ce = csharp { (p, t) => F.cross_entropy(p, t) }"),
                (p, t) => nn.functional.cross_entropy(p, t), logits, targets),
            ("sum (4, 2)", compiler.Compile("loss s = csharp { (p, t) => p.sum() }"), (p, t) => p.sum(), small, smallTargets),
        ];
        foreach (var (name, snippet, host, p, t) in cases)
        {
            double Round(Func<Tensor, Tensor, Tensor> loss, int calls)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int i = 0; i < calls; i++)
                {
                    using var scope = torch.NewDisposeScope();
                    loss(p, t);
                }
                return clock.Elapsed.TotalMicroseconds / calls;
            }
            Round(snippet.Invoke, 2_000);
            Round(host, 2_000);
            var (viaSnippet, viaHost) = (new List<double>(), new List<double>());
            for (int round = 0; round < 15; round++)
            {
                viaSnippet.Add(Round(snippet.Invoke, 2_000));
                viaHost.Add(Round(host, 2_000));
            }
            double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: snippet {Median(viaSnippet):F2} µs/call, C# lambda {Median(viaHost):F2} µs/call (median of 15 alternating rounds of 2000 calls)"));
        }
        return 0;
    }

    static float Value(CompiledSnippet snippet)
    {
        using var scope = torch.NewDisposeScope();
        Tensor x = torch.arange(6, ScalarType.Float32).reshape(2, 3) / 10;   // (B=2, C=3)
        Tensor result = snippet.Kind == SnippetKind.Layer ? snippet.Invoke(x).sum() : snippet.Invoke(x, torch.tensor(new long[] { 0, 2 }));
        return result.item<float>();
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}

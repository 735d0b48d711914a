using System.Collections.Immutable;
using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Scripting.Probing;

/// <summary>Runs a compiled snippet once on a dummy batch of the shapes the checker knows, and
/// checks what it returns — before any training, so shape bugs cost nothing. The rules: a loss
/// returns a scalar through which a gradient flows back to <c>pred</c> (so <c>(pred, target) =&gt;
/// 42</c>, which compiles, is refused), and its backward pass runs; a metric returns a real
/// scalar; a layer keeps the batch dimension, its other dimensions do not depend on the batch
/// size (two batch sizes are tried), and its output shape continues shape inference.</summary>
internal static class SnippetProber
{
    // Batch sizes that are not any other dimension, so that code mixing up the batch with a
    // feature or class dimension fails here instead of working by coincidence.
    static readonly long[] s_batchCandidates = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41];

    /// <summary>How long a probe may take. A snippet on a dummy batch of a few samples is done in
    /// milliseconds; one still running after this has an endless loop (or recursion) and would
    /// hang `check` and the REPL for ever.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>The stack of the probe's thread: more than a process's main thread gets, for
    /// deep but finite recursion. Unbounded recursion still ends the process (.NET cannot catch
    /// a stack overflow); README's safety section says so.</summary>
    const int ProbeStack = 16 << 20;

    /// <summary>Probes on a thread of its own, waiting at most <paramref name="timeLimit"/>: a
    /// snippet that does not return is reported (NS0743) and abandoned on its background thread,
    /// since .NET cannot stop a thread; Ctrl-C (<paramref name="cancellation"/>) stops the wait.</summary>
    public static SnippetCheck Probe(CompiledSnippet snippet, SnippetProbe probe, TimeSpan? timeLimit = null, CancellationToken cancellation = default)
    {
        // The probe must not move the global random stream the training will draw from.
        using Tensor rngState = torch.random.get_rng_state();
        try
        {
            return ProbeWithin(snippet, probe, timeLimit ?? TimeLimit, cancellation);
        }
        finally
        {
            torch.random.set_rng_state(rngState);
        }
    }

    static SnippetCheck ProbeWithin(CompiledSnippet snippet, SnippetProbe probe, TimeSpan limit, CancellationToken cancellation)
    {
        SnippetCheck? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = ProbeHere(snippet, probe); }
            catch (Exception e) { failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
        }, ProbeStack) { IsBackground = true, Name = "snippet probe" };
        thread.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!thread.Join(TimeSpan.FromMilliseconds(50)))
        {
            cancellation.ThrowIfCancellationRequested();
            if (clock.Elapsed < limit) continue;
            var diagnostic = new SnippetDiagnostic(DiagnosticCatalog.SnippetProbeTimeout, snippet.Image.ResultStart, snippet.Image.ResultLength,
                [SnippetDiagnostic.Noun, limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)]);
            return new SnippetCheck([diagnostic.At(snippet.Source)], null);
        }
        failure?.Throw();
        // No result and no exception: the snippet ended the process (Environment.Exit), which
        // stops its thread; wait for the exit instead of reporting a probe that never ran.
        if (result is null) Thread.Sleep(Timeout.Infinite);
        return result!;
    }

    static SnippetCheck ProbeHere(CompiledSnippet snippet, SnippetProbe probe)
    {
        long[] batches = BatchSizes(probe);
        using var grad = torch.enable_grad();
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(0);
        var context = new ProbeContext(snippet, generator);
        return snippet.Kind == SnippetKind.Layer
            ? ProbeLayer(context, probe, batches)
            : ProbeScalar(context, probe, batches[0]);
    }

    static SnippetCheck ProbeScalar(ProbeContext context, SnippetProbe probe, long batch)
    {
        SnippetTarget target = probe.Target ?? throw new ArgumentException("a loss or metric probe needs a target", nameof(probe));
        var function = (Func<Tensor, Tensor, Tensor>)context.Image.Function!;
        var (predName, targetName) = (context.Image.Parameters[0], context.Image.Parameters[1]);

        Tensor prediction = context.Input([batch, .. probe.Input.Dims]); // (B, …) like the model's output
        bool classes = target.Kind == SnippetTargetKind.ClassIndices;
        long[] targetShape = [batch, .. target.Shape.Dims];
        Tensor targets = classes
            ? torch.randint(0, target.Classes, targetShape, ScalarType.Int64, generator: context.Generator)   // (B)
            : torch.randn(targetShape, generator: context.Generator);                                     // (B, …)
        string dummy = $"`{predName}` {Shapes.Format(prediction.shape)} float32 and `{targetName}` {Shapes.Format(targetShape)} "
            + (classes ? $"int64 class indices in [0, {target.Classes})" : "float32");

        Tensor? result;
        try
        {
            result = function(prediction, targets);
        }
        catch (Exception e)
        {
            return context.Fail(e, dummy);
        }
        if (result is null) return context.Result(DiagnosticCatalog.SnippetResultType, "a scalar tensor", "null");
        if (result.numel() != 1) return context.Result(DiagnosticCatalog.SnippetNotScalar, Shapes.Format(result.shape), batch);
        if (result.is_complex() || result.dtype == ScalarType.Bool)
            return context.Result(DiagnosticCatalog.SnippetResultType, "a real-valued scalar", DTypes.Tensor(result.dtype));
        if (context.Snippet.Kind == SnippetKind.Metric) return context.Done(null);

        if (!result.requires_grad) return context.Result(DiagnosticCatalog.SnippetNoGradient, predName, Describe(result));
        try
        {
            result.backward();
        }
        catch (Exception e)
        {
            return context.Fail(e, dummy, "while computing gradients: ");
        }
        return context.Done(null);
    }

    static SnippetCheck ProbeLayer(ProbeContext context, SnippetProbe probe, long[] batches)
    {
        var function = (Func<Tensor, Tensor>)context.Image.Function!;
        string name = context.Image.Parameters[0];
        var outputs = new List<(long[] Input, long[] Output)>();
        bool detached = false;
        foreach (long batch in batches)
        {
            Tensor input = context.Input([batch, .. probe.Input.Dims]); // (B, …)
            Tensor? result;
            try
            {
                result = function(input);
            }
            catch (Exception e)
            {
                return context.Fail(e, $"`{name}` {Shapes.Format(input.shape)} float32");
            }
            if (result is null) return context.Result(DiagnosticCatalog.SnippetResultType, "a tensor", "null");
            if (!result.is_floating_point())
                return context.Result(DiagnosticCatalog.SnippetResultType, "a floating-point tensor",
                    $"{DTypes.Tensor(result.dtype)} of shape {Shapes.Format(result.shape)}");
            if (result.dim() == 0 || result.size(0) != batch)
                return context.Result(DiagnosticCatalog.SnippetLayerBatch,
                    $"for an input of shape {Shapes.Format(input.shape)} it returned shape {Shapes.Format(result.shape)}");
            outputs.Add((input.shape, result.shape));
            detached |= !result.requires_grad;
        }
        var (first, second) = (outputs[0], outputs[1]);
        if (!first.Output.AsSpan(1).SequenceEqual(second.Output.AsSpan(1)))
            return context.Result(DiagnosticCatalog.SnippetLayerBatch,
                $"for inputs of shapes {Shapes.Format(first.Input)} and {Shapes.Format(second.Input)} it returned shapes "
                + $"{Shapes.Format(first.Output)} and {Shapes.Format(second.Output)}");
        if (detached) context.Report(DiagnosticCatalog.SnippetLayerDetached);
        return context.Done(Shape.Of([.. first.Output.Skip(1).Select(d => checked((int)d))]));
    }

    static long[] BatchSizes(SnippetProbe probe)
    {
        var taken = new HashSet<long>(probe.Input.Dims.Select(d => (long)d));
        if (probe.Target is { } target)
        {
            taken.UnionWith(target.Shape.Dims.Select(d => (long)d));
            taken.Add(target.Classes);
        }
        return [.. s_batchCandidates.Where(b => !taken.Contains(b)).Take(2)];
    }

    /// <summary>PyTorch's way of printing a scalar: <c>tensor(0.25)</c>, <c>tensor(42, dtype=int32)</c>.</summary>
    static string Describe(Tensor scalar)
    {
        using Tensor value = scalar.detach().to(ScalarType.Float64);
        string number = value.item<double>().ToString(scalar.is_floating_point() ? "0.####" : "0", CultureInfo.InvariantCulture);
        return scalar.dtype == ScalarType.Float32 ? $"tensor({number})" : $"tensor({number}, dtype={DTypes.Name(scalar.dtype)})";
    }
}

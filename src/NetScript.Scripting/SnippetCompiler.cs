using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using NetScript.Scripting.Caching;
using NetScript.Scripting.Probing;

namespace NetScript.Scripting;

/// <summary>Compiles C# snippets with Roslyn scripting into delegates over TorchSharp tensors.
/// Each distinct (kind, text) is compiled once per process and kept in memory (script
/// assemblies cannot be unloaded), and once per machine in the disk cache, so a second run or a
/// REPL re-submit pays neither Roslyn's start-up nor the compile. Thread-safe; hosts share
/// <see cref="Default"/> for the life of the process.</summary>
public sealed class SnippetCompiler : ISnippetCompiler
{
    static readonly Lazy<SnippetCompiler> s_default = new(() => new SnippetCompiler(SnippetCompilerOptions.Default));

    readonly ConcurrentDictionary<(SnippetKind Kind, string Code), Lazy<SnippetImage>> _images = new();
    readonly SnippetDiskCache? _disk;

    public SnippetCompiler(SnippetCompilerOptions options)
    {
        _disk = options.CacheDirectory is { } directory ? new SnippetDiskCache(directory) : null;
    }

    /// <summary>The process-wide compiler with the per-user disk cache.</summary>
    public static SnippetCompiler Default => s_default.Value;

    public string? CacheDirectory => _disk?.Directory;

    /// <summary>Compiles <paramref name="snippet"/> or takes it from a cache. Bad C# is reported in
    /// <see cref="CompiledSnippet.Diagnostics"/>, never thrown.</summary>
    public CompiledSnippet Compile(SnippetSource snippet, CancellationToken cancellation = default)
    {
        var key = (snippet.Kind, snippet.Code);
        while (true)
        {
            Lazy<SnippetImage> image = _images.GetOrAdd(key, k => new Lazy<SnippetImage>(() => Produce(k.Kind, k.Code, cancellation)));
            try
            {
                return new CompiledSnippet(snippet, image.Value);
            }
            catch (Exception e)
            {
                // A cancelled (or failed) compile must not be remembered as this text's result.
                _images.TryRemove(KeyValuePair.Create(key, image));
                // Another caller's cancellation, shared through the Lazy: compile again for this one.
                if (e is OperationCanceledException && !cancellation.IsCancellationRequested) continue;
                throw;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>With a probe, libtorch must be loadable (hosts load it first).</remarks>
    public SnippetCheck Check(SnippetSource snippet, SnippetProbe? probe, CancellationToken cancellation = default)
    {
        CompiledSnippet compiled = Compile(snippet, cancellation);
        if (compiled.HasErrors || probe is null) return new SnippetCheck(compiled.Diagnostics, null);
        SnippetCheck probed = SnippetProber.Probe(compiled, probe, cancellation: cancellation);
        return probed with { Diagnostics = compiled.Diagnostics.AddRange(probed.Diagnostics) };
    }

    SnippetImage Produce(SnippetKind kind, string code, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        string? key = _disk is null ? null : SnippetDiskCache.Key(kind, code);
        if (key is not null && _disk!.TryRead(key) is { } cached && SnippetLoader.Load(cached, kind, code) is { } fromDisk)
        {
            var warnings = fromDisk.Manifest.Warnings.Select(w => new SnippetDiagnostic(
                DiagnosticCatalog.CSharp(w.Id, DiagnosticSeverity.Warning), w.Start, w.Length, [w.Message]));
            return new SnippetImage(kind, code, [.. warnings], fromDisk, SnippetOrigin.DiskCache, clock.Elapsed);
        }

        SnippetBuilder.Output output = SnippetBuilder.Build(kind, code, cancellation);
        if (output.Image is null) return new SnippetImage(kind, code, output.Diagnostics, null, SnippetOrigin.Compiled, clock.Elapsed);
        SnippetLoader.Loaded loaded = SnippetLoader.Load(output.Image, kind, code)
            ?? throw new InvalidOperationException("a freshly emitted snippet assembly did not load");
        if (key is not null && loaded.Failure is null && loaded.Function is not null) _disk!.Write(key, output.Image);
        return new SnippetImage(kind, code, output.Diagnostics, loaded, SnippetOrigin.Compiled, clock.Elapsed);
    }
}

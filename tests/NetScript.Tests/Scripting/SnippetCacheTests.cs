using NetScript.Language.Semantics;
using NetScript.Scripting;
using NetScript.Scripting.Caching;
using TorchSharp;

namespace NetScript.Tests.Scripting;

/// <summary>Compiled snippets are kept on disk, so a second run or process skips Roslyn.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetCacheTests
{
    const string Script = "loss l = csharp { (p, t) => F.cross_entropy(p, t) * 2 }";

    static float Value(CompiledSnippet snippet) =>
        snippet.Invoke(torch.tensor(new float[] { 1, 2, 3, 3, 2, 1 }).reshape(2, 3), torch.tensor(new long[] { 0, 2 })).item<float>();

    [Fact]
    public void A_second_compiler_loads_the_snippet_from_disk_and_it_behaves_the_same()
    {
        string directory = Scripts.TempDirectory();
        var first = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(Script);
        var second = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(Script);

        Assert.Equal((SnippetOrigin.Compiled, SnippetOrigin.DiskCache), (first.Origin, second.Origin));
        Assert.Equal(Value(first), Value(second));
        string file = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal(SnippetDiskCache.Key(SnippetKind.Loss, SnippetScripts.One(Script).Code) + ".dll", Path.GetFileName(file));
    }

    [Fact]
    public void A_cached_snippet_still_reports_failures_at_its_line()
    {
        string directory = Scripts.TempDirectory();
        const string script = "loss l = csharp {\n  (p, t) =>\n    p.sum(7) }";
        new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(script);
        var cached = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(script, "other.nns");
        Assert.Equal(SnippetOrigin.DiskCache, cached.Origin);
        var e = Assert.Throws<SnippetException>(() => cached.Invoke(torch.ones(2, 2), torch.ones(2)));
        Assert.StartsWith("other.nns:3:5: error NS0807: loss `l` failed: libtorch: Dimension out of range", e.Diagnostic.ToString());
    }

    [Fact]
    public void Warnings_survive_the_cache()
    {
        string directory = Scripts.TempDirectory();
        const string script = "metric m = csharp { (p, t) => { int unused = 0; return p.mean(); } }";
        var fresh = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(SnippetScripts.One(script));
        var cached = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(SnippetScripts.One(script));
        Assert.Equal(SnippetOrigin.DiskCache, cached.Origin);
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), cached.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("CS0219", Assert.Single(cached.Diagnostics).Id);
    }

    [Fact]
    public void Snippets_with_errors_are_not_cached()
    {
        string directory = Scripts.TempDirectory();
        Assert.True(new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(SnippetScripts.One("loss l = csharp { (p, t) => q }")).HasErrors);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void A_damaged_cache_file_is_compiled_over()
    {
        string directory = Scripts.TempDirectory();
        string code = SnippetScripts.One(Script).Code;
        string path = Path.Combine(directory, SnippetDiskCache.Key(SnippetKind.Loss, code) + ".dll");
        File.WriteAllText(path, "not an assembly");

        var compiled = new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(Script);
        Assert.Equal(SnippetOrigin.Compiled, compiled.Origin);
        Assert.Equal(SnippetOrigin.DiskCache, new SnippetCompiler(new SnippetCompilerOptions(directory)).Compile(Script).Origin);
    }

    [Fact]
    public void An_unwritable_cache_only_costs_the_next_run_a_compile()
    {
        string blocker = Path.Combine(Scripts.TempDirectory(), "file");
        File.WriteAllText(blocker, "a file where the cache directory should be");
        var compiled = new SnippetCompiler(new SnippetCompilerOptions(blocker)).Compile(Script);
        Assert.False(compiled.HasErrors);
        Assert.Equal(SnippetOrigin.Compiled, compiled.Origin);
    }

    [Fact]
    public void The_key_covers_the_kind_and_every_character_of_the_code()
    {
        string key = SnippetDiskCache.Key(SnippetKind.Loss, "(p, t) => p.sum()");
        Assert.Equal(key, SnippetDiskCache.Key(SnippetKind.Loss, "(p, t) => p.sum()"));
        Assert.NotEqual(key, SnippetDiskCache.Key(SnippetKind.Metric, "(p, t) => p.sum()"));
        Assert.NotEqual(key, SnippetDiskCache.Key(SnippetKind.Loss, "(p, t) => p.sum() "));
    }

    [Fact]
    public void A_new_process_loads_compiled_snippets_from_the_disk_cache()
    {
        string directory = Scripts.TempDirectory();
        string[] arguments = [directory, "loss", "(p, t) => F.cross_entropy(p, t)", "layer", "x => x.relu() * 3"];
        var cold = ChildProcess.Run(["compile", .. arguments]);
        var warm = ChildProcess.Run(["compile", .. arguments]);
        Assert.True(cold.ExitCode == 0 && warm.ExitCode == 0, cold + "\n" + warm);

        string[] Lines(ChildProcess.Result r) => r.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(["Compiled", "Compiled"], Lines(cold).Select(l => l.Split(' ')[0]));
        Assert.Equal(["DiskCache", "DiskCache"], Lines(warm).Select(l => l.Split(' ')[0]));
        // Same values from the compiled and the cached assembly.
        Assert.Equal(Lines(cold).Select(l => l.Split(" value ")[1]), Lines(warm).Select(l => l.Split(" value ")[1]));
    }
}

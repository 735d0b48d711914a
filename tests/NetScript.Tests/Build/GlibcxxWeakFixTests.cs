using NetScript.Build;
using TorchSharp;

namespace NetScript.Tests.Build;

/// <summary>The build's fix for TorchSharp on Debian 12 (DESIGN.md, "Known platform issue").</summary>
[Collection(TorchCollection.Name)]
public sealed class GlibcxxWeakFixTests
{
    const ushort Weak = 0x2;

    static string PristineLibrary()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"TorchSharp's native library not found in the NuGet cache at {path}");
        return path;
    }

    [Fact]
    public void Marks_only_the_GLIBCXX_3_4_32_need_weak_and_is_idempotent()
    {
        string copy = Path.Combine(Scripts.TempDirectory(), "libLibTorchSharp.so");
        File.Copy(PristineLibrary(), copy);
        byte[] before = File.ReadAllBytes(copy);
        var needsBefore = ElfVersionNeeds.ListNeeds(before);
        Assert.Contains(needsBefore, n => n.Version == ElfVersionNeeds.Version && (n.Flags & Weak) == 0);

        Assert.Equal(WeakenResult.Patched, ElfVersionNeeds.MarkWeak(copy, ElfVersionNeeds.Version));
        byte[] after = File.ReadAllBytes(copy);
        var needsAfter = ElfVersionNeeds.ListNeeds(after);

        Assert.Equal(needsBefore.Count, needsAfter.Count);
        for (int i = 0; i < needsBefore.Count; i++)
        {
            bool target = needsBefore[i].Version == ElfVersionNeeds.Version;
            Assert.Equal(needsBefore[i].Library, needsAfter[i].Library);
            Assert.Equal(target ? (ushort)(needsBefore[i].Flags | Weak) : needsBefore[i].Flags, needsAfter[i].Flags);
        }
        Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second));

        Assert.Equal(WeakenResult.AlreadyWeak, ElfVersionNeeds.MarkWeak(copy, ElfVersionNeeds.Version));
        Assert.Equal(after, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Leaves_other_files_alone()
    {
        string text = Path.Combine(Scripts.TempDirectory(), "not-elf.so");
        File.WriteAllText(text, "just text, long enough to pass the header length check of sixty-four bytes...");
        Assert.Equal(WeakenResult.NotElf64, ElfVersionNeeds.MarkWeak(text, ElfVersionNeeds.Version));

        // libc10.so ships with libtorch and has no GLIBCXX_3.4.32 need.
        string c10 = Path.Combine(AppContext.BaseDirectory, "libc10.so");
        string copy = Path.Combine(Scripts.TempDirectory(), "libc10.so");
        File.Copy(c10, copy);
        Assert.Equal(WeakenResult.NotRequired, ElfVersionNeeds.MarkWeak(copy, ElfVersionNeeds.Version));
    }

    [Fact]
    public void The_build_patched_the_test_hosts_copy_unless_the_system_has_the_version()
    {
        string? system = ElfVersionNeeds.FindSystemLibStdCxx();
        bool systemHasIt = system is not null && ElfVersionNeeds.ContainsVersionString(system, ElfVersionNeeds.Version);
        var outputCopies = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(outputCopies);
        foreach (string copy in outputCopies)
        {
            var need = ElfVersionNeeds.ListNeeds(File.ReadAllBytes(copy)).Single(n => n.Version == ElfVersionNeeds.Version);
            Assert.Equal(!systemHasIt, (need.Flags & Weak) != 0);
        }
    }

    [Fact]
    public void TorchSharp_initialises_in_the_test_host()
    {
        using var ones = torch.ones(3, 4);
        using var sum = ones.sum();
        Assert.Equal(12f, sum.item<float>());
    }
}

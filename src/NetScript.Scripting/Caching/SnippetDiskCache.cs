using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using TorchSharp;

namespace NetScript.Scripting.Caching;

/// <summary>Emitted snippet assemblies on disk, one self-contained DLL per snippet, named by a
/// hash of everything the compilation depends on: the code, its kind, the Roslyn, TorchSharp and
/// NetScript.Scripting builds and the runtime. A second run or a REPL re-submit then loads the DLL
/// instead of paying for the compiler. Files are written atomically (temporary file, then rename),
/// so concurrent runs never see half a file; a damaged or foreign file is recompiled over.</summary>
internal sealed class SnippetDiskCache(string directory)
{
    static readonly Lazy<string> s_environment = new(() => string.Join("\n",
        "netscript-snippet/" + SnippetManifest.CurrentFormat,
        Identity(typeof(CSharpScript).Assembly),
        Identity(typeof(torch).Assembly),
        // The emitted code calls into this assembly (the guards): any change to it invalidates.
        typeof(SnippetDiskCache).Assembly.ManifestModule.ModuleVersionId.ToString(),
        Environment.Version.ToString()));

    public string Directory { get; } = directory;

    public static string Key(SnippetKind kind, string code)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{s_environment.Value}\n{kind}\n{code}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public string PathOf(string key) => Path.Combine(Directory, key + ".dll");

    /// <summary>The cached image, or null when there is none or it cannot be read.</summary>
    public byte[]? TryRead(string key)
    {
        try
        {
            return File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an image; a cache that cannot be written (read-only home, full disk) only
    /// costs the next run a compile, so failures are ignored.</summary>
    public void Write(string key, byte[] image)
    {
        string temporary = Path.Combine(Directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, PathOf(key), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: a stray temporary file is harmless and never read.
        }
    }

    static string Identity(Assembly assembly) =>
        assembly.GetName().FullName + " " + assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}

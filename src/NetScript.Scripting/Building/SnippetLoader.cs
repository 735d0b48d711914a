using System.Reflection;
using System.Text.Json;
using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Scripting.Building;

/// <summary>Loads an emitted snippet assembly (fresh or from the disk cache) and runs its script
/// entry point once to obtain the delegate. Loaded assemblies are never unloaded, which is why
/// compilers cache images by text.</summary>
internal static class SnippetLoader
{
    /// <summary><see cref="Function"/> is null when the script's top-level code threw
    /// (<see cref="Failure"/>) or evaluated to null.</summary>
    public sealed record Loaded(Assembly Assembly, SnippetManifest Manifest, Delegate? Function, Exception? Failure);

    /// <summary>Null when <paramref name="image"/> is not the assembly of this snippet (a damaged
    /// or stale cache file); the caller then compiles afresh.</summary>
    public static Loaded? Load(byte[] image, SnippetKind kind, string code)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(image);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        SnippetManifest? manifest = ReadManifest(assembly);
        if (manifest is null || manifest.Format != SnippetManifest.CurrentFormat
            || manifest.Kind != kind.ToString() || manifest.Code != code) return null;
        MethodInfo? factory = assembly.GetType(manifest.EntryType)?
            .GetMethod(manifest.EntryMethod, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        if (factory is null) return null;

        try
        {
            // A script's factory takes the submission array: [0] globals (none), [1] this
            // submission. It runs the snippet's top-level code, which is user code and may throw
            // anything (directly, or through the returned task).
            object task = factory.Invoke(null, [new object?[2]])!;
            Delegate? function = kind == SnippetKind.Layer
                ? Await<Func<Tensor, Tensor>>(task)
                : Await<Func<Tensor, Tensor, Tensor>>(task);
            return new Loaded(assembly, manifest, function, null);
        }
        catch (Exception e)
        {
            return new Loaded(assembly, manifest, null, e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
    }

    static T? Await<T>(object task) => ((Task<T>)task).GetAwaiter().GetResult();

    static SnippetManifest? ReadManifest(Assembly assembly)
    {
        using Stream? stream = assembly.GetManifestResourceStream(SnippetManifest.ResourceName);
        if (stream is null) return null;
        try
        {
            return SnippetManifest.FromStream(stream);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

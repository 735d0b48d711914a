using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetScript.Scripting.Building;

/// <summary>What the loader needs besides the IL, stored as a resource inside the emitted
/// assembly so that a cached DLL is self-contained: the snippet it was built from (checked on
/// load), the entry point, the edits that made the compiled text (prelude, result declaration,
/// matmul guard) so stack-frame positions map back, and the spans messages point at.</summary>
/// <param name="ResultStart">Offset in the snippet of the expression that produces the result (a
/// lambda's expression body or its last <c>return</c>), where result checks are reported.</param>
/// <param name="Parameters">The lambda's parameter names (<c>pred</c>, <c>target</c>), for messages.</param>
/// <param name="Warnings">The C# compiler's warnings, shown again when the DLL is loaded from the cache.</param>
internal sealed record SnippetManifest(
    int Format,
    string Kind,
    string Code,
    string EntryType,
    string EntryMethod,
    int ResultStart,
    int ResultLength,
    ImmutableArray<string> Parameters,
    ImmutableArray<TextEdit> Edits,
    ImmutableArray<SnippetManifest.Warning> Warnings)
{
    public sealed record Warning(string Id, int Start, int Length, string Message);

    public const string ResourceName = "NetScript.Snippet.json";

    /// <summary>Bumped whenever the emitted code or this record changes meaning.</summary>
    public const int CurrentFormat = 1;

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, SnippetManifestJson.Default.SnippetManifest);

    public static SnippetManifest? FromStream(Stream stream) => JsonSerializer.Deserialize(stream, SnippetManifestJson.Default.SnippetManifest);
}

/// <summary>Source-generated serialization: a cache hit then costs no reflection warm-up (~80 ms
/// measured for the reflection-based serializer's first call).</summary>
[JsonSerializable(typeof(SnippetManifest))]
internal sealed partial class SnippetManifestJson : JsonSerializerContext;

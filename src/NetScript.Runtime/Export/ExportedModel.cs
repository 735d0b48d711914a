using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetScript.Data;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Runtime.Export;

/// <summary>A model file read back (see <see cref="ModelFile"/>): the plan with its shapes,
/// the weights by state-dict name, the fitted preprocessing and the classes. This is the
/// reader other statements use (<c>load model</c>, <c>netscript predict</c>, <c>transfer …
/// from "m.nnsm"</c>): <see cref="Read"/>, then <see cref="ModelLoader.Build"/> for a module
/// with the weights loaded.</summary>
public sealed class ExportedModel
{
    ExportedModel(string path, ModelPlan plan, Shape input, int classes, ImmutableArray<string> labels, LossSettings? loss,
        PreprocessingState preprocessing, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        Path = path;
        Plan = plan;
        Input = input;
        Classes = classes;
        Labels = labels;
        Loss = loss;
        Preprocessing = preprocessing;
        Weights = weights;
    }

    public string Path { get; }

    /// <summary>The layers with the shapes they were trained with.</summary>
    public ModelPlan Plan { get; }

    /// <summary>The shape of one raw sample, before <see cref="Preprocessing"/>.</summary>
    public Shape Input { get; }

    /// <summary>Number of classes; 0 when the model does not classify.</summary>
    public int Classes { get; }

    public ImmutableArray<string> Labels { get; }

    /// <summary>The loss it trained with (null: a C# loss, which a file does not hold).</summary>
    public LossSettings? Loss { get; }

    public PreprocessingState Preprocessing { get; }

    /// <summary>Parameters and buffers by state-dict name (<c>dense1.weight</c>).</summary>
    public IReadOnlyDictionary<string, SafetensorsTensor> Weights { get; }

    /// <summary>The definition the plan was made from: what the checker needs to check a
    /// loaded model like a declared one.</summary>
    public ModelDefinition Definition(TextSpan span) => new(Plan.Name, Plan.Layers.Select(l => l.Layer).ToImmutableArray(), span);

    /// <param name="span">Where the loaded layers are reported (the statement that loads them).</param>
    public static ExportedModel Read(string path, TextSpan span = default) => Read(path, span, tensors: true);

    /// <summary>The manifest only (layers, shapes, classes, loss) without reading any tensor:
    /// <see cref="Weights"/> and <see cref="Preprocessing"/> are empty. What the checker needs.</summary>
    public static ExportedModel Describe(string path, TextSpan span = default) => Read(path, span, tensors: false);

    static ExportedModel Read(string path, TextSpan span, bool tensors)
    {
        using var stream = OpenRead(path);
        var (metadata, stored) = tensors ? SafetensorsFile.Read(stream)
            : (SafetensorsFile.ReadMetadata(stream), new Dictionary<string, SafetensorsTensor>());
        JsonObject manifest = Manifest(metadata, path);
        try
        {
            ModelPlan plan = new(manifest["name"]?.GetValue<string>() ?? "model", LayerJson.ShapeOf(manifest["model_input"]),
                LayerJson.Read(manifest["layers"] as JsonArray ?? throw new ExportException("the manifest has no layers"), span));
            int classes = manifest["classes"]?.GetValue<int>() ?? 0;
            var labels = (manifest["labels"] as JsonArray)?.Select(l => l!.GetValue<string>()).ToImmutableArray() ?? [];
            LossSettings? loss = manifest["loss"] is JsonObject l ? new LossSettings(ArgumentsJson.ReadOperation(OperationCategory.Loss, l, span)) : null;
            var preprocessing = new PreprocessingState(!tensors ? []
                : (manifest["preprocessing"] as JsonArray ?? []).Select(s => Step(s!.AsObject(), stored)).ToList());
            var weights = stored.Where(t => t.Key.StartsWith("model.", StringComparison.Ordinal))
                .ToDictionary(t => t.Key["model.".Length..], t => t.Value, StringComparer.Ordinal);
            return new ExportedModel(path, plan, LayerJson.ShapeOf(manifest["input"]), classes, labels, loss, preprocessing, weights);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or JsonException or KeyNotFoundException)
        {
            throw new ExportException($"\"{path}\" has an invalid manifest: {e.Message}");
        }
    }

    static TransformState Step(JsonObject json, IReadOnlyDictionary<string, SafetensorsTensor> tensors)
    {
        var parameters = (json["parameters"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var values = (json["tensors"] as JsonObject ?? []).ToDictionary(t => t.Key, t =>
        {
            string key = t.Value!.GetValue<string>();
            SafetensorsTensor tensor = tensors.GetValueOrDefault(key) ?? throw new ExportException($"the file has no tensor `{key}`");
            return new StateTensor(tensor.Shape, tensor.Floats());
        });
        return new TransformState(json["kind"]?.GetValue<string>() ?? throw new ExportException("a preprocessing step has no `kind`"), parameters, values);
    }

    static JsonObject Manifest(IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (metadata.GetValueOrDefault("format") != ModelFile.FormatName || !metadata.TryGetValue(ModelFile.ManifestKey, out string? text))
            throw new ExportException($"\"{path}\" is a safetensors file but not a NetScript model (no `{ModelFile.ManifestKey}` metadata)");
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(text) as JsonObject ?? throw new ExportException($"\"{path}\" has an empty manifest");
        }
        catch (JsonException e)
        {
            throw new ExportException($"\"{path}\" has an invalid manifest: {e.Message}");
        }
        int version = manifest["version"]?.GetValue<int>() ?? 0;
        if (version != ModelFile.FormatVersion)
            throw new ExportException($"\"{path}\" is model format version {version}; this NetScript reads version {ModelFile.FormatVersion}");
        return manifest;
    }

    static FileStream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ExportException($"model file \"{path}\" does not exist");
        }
    }
}

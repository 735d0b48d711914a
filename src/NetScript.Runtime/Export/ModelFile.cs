using System.Globalization;
using System.Text.Json.Nodes;
using NetScript.Data;
using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>Writes a NetScript model file (<c>.nnsm</c>): one safetensors file whose tensors are
/// the model's state dict under <c>model.</c> (<c>model.dense1.weight</c>, batchnorm running
/// statistics included) and the fitted preprocessing under <c>preprocess.I.</c>, and whose
/// metadata holds the manifest — architecture, shapes, classes, loss, preprocessing steps — as
/// JSON under the key <c>netscript</c>. The layout is documented in grammar/reference/export.md;
/// <see cref="ExportedModel.Read"/> reads it back.</summary>
public static class ModelFile
{
    public const string FormatName = "netscript.model";
    public const int FormatVersion = 1;
    public const string ManifestKey = "netscript";

    /// <param name="input">The shape of one raw sample, before preprocessing.</param>
    /// <param name="classes">Number of classes (0 when the model does not classify).</param>
    public static void Write(string path, ModelPlan plan, nn.Module module, LossSettings? loss, int classes,
        IReadOnlyList<IFittedTransform> preprocessing, Shape input)
    {
        var tensors = new List<(string, SafetensorsTensor)>();
        foreach (var (name, value) in module.state_dict())
            tensors.Add(("model." + name, SafetensorsTensor.From(value)));
        var steps = new JsonArray();
        for (int i = 0; i < preprocessing.Count; i++)
        {
            TransformState state = preprocessing[i].State;
            var names = new JsonObject();
            foreach (var (name, value) in state.Tensors)
            {
                string key = $"preprocess.{i}.{name}";
                tensors.Add((key, SafetensorsTensor.FromFloats(value.Shape, value.Values)));
                names[name] = key;
            }
            steps.Add(new JsonObject
            {
                ["kind"] = state.Kind,
                ["parameters"] = new JsonObject(state.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
                ["tensors"] = names,
            });
        }
        var manifest = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = FormatVersion,
            ["name"] = plan.Name,
            ["input"] = LayerJson.Dims(input),
            ["model_input"] = LayerJson.Dims(plan.Input),
            ["output"] = LayerJson.Dims(plan.Output),
            ["classes"] = classes,
            ["labels"] = new JsonArray(Enumerable.Range(0, classes).Select(c => (JsonNode?)c.ToString(CultureInfo.InvariantCulture)).ToArray()),
            ["loss"] = loss is { Snippet: null } ? ArgumentsJson.Operation(loss.Arguments) : null,
            ["preprocessing"] = steps,
            ["layers"] = LayerJson.Write(plan.Layers),
        };
        var metadata = new Dictionary<string, string>
        {
            ["format"] = FormatName,
            [ManifestKey] = manifest.ToJsonString(),
        };
        AtomicFile.Write(path, stream => SafetensorsFile.Write(stream, tensors, metadata));
    }
}

using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NetScript.Language.Schema;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A model's layer plans ↔ the <c>layers</c> array of a model file:
/// <c>{"name": "dense1", "kind": "dense", "args": {…}, "input": [2], "output": [64],
/// "parameters": 192}</c>, a residual block with <c>"body": […]</c> and, when it projects,
/// <c>"shortcut": {…}</c>. Names are the module names (<c>residual1.conv2</c> inside a block),
/// which are also the weights' prefixes.</summary>
public static class LayerJson
{
    public static JsonArray Write(IEnumerable<LayerPlan> layers, string prefix = "")
    {
        var counts = new Dictionary<string, int>();
        var array = new JsonArray();
        foreach (LayerPlan layer in layers)
        {
            counts[layer.Layer.Kind] = counts.GetValueOrDefault(layer.Layer.Kind) + 1;
            array.Add(Write(layer, $"{prefix}{layer.Layer.Kind}{counts[layer.Layer.Kind]}"));
        }
        return array;
    }

    static JsonObject Write(LayerPlan layer, string name)
    {
        if (layer.Layer.Snippet is not null)
            throw new InvalidDataException($"layer `{layer.Layer.Kind}` is C# code; a model file holds built-in layers only");
        var json = new JsonObject
        {
            ["name"] = name,
            ["kind"] = layer.Layer.Kind,
            ["args"] = ArgumentsJson.Write(layer.Layer.Arguments),
            ["input"] = Dims(layer.Input),
            ["output"] = Dims(layer.Output),
            ["parameters"] = layer.Parameters,
        };
        if (!layer.Body.IsEmpty) json["body"] = Write(layer.Body, name + ".");
        if (layer.Shortcut is { } shortcut) json["shortcut"] = Write(shortcut, name + ".shortcut");
        return json;
    }

    public static ImmutableArray<LayerPlan> Read(JsonArray layers, TextSpan span) =>
        layers.Select(node => Read(node as JsonObject ?? throw new InvalidDataException("a layer is not a JSON object"), span)).ToImmutableArray();

    static LayerPlan Read(JsonObject json, TextSpan span)
    {
        string kind = json["kind"]?.GetValue<string>() ?? throw new InvalidDataException("a layer has no `kind`");
        OperationSpec spec = SchemaCatalog.Find(OperationCategory.Layer, kind)
            ?? throw new InvalidDataException($"unknown layer `{kind}` (written by a newer NetScript?)");
        var body = json["body"] is JsonArray b ? Read(b, span) : [];
        var definition = new LayerDefinition(ArgumentsJson.Read(spec, json["args"] as JsonObject, span), span)
        {
            Body = body.Select(p => p.Layer).ToImmutableArray(),
        };
        return new LayerPlan(definition, ShapeOf(json["input"]), ShapeOf(json["output"]), json["parameters"]?.GetValue<long>() ?? 0)
        {
            Body = body,
            Shortcut = json["shortcut"] is JsonObject s ? Read(s, span) : null,
        };
    }

    public static JsonArray Dims(Shape shape) => new(shape.Dims.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());

    public static Shape ShapeOf(JsonNode? node) =>
        new((node as JsonArray ?? throw new InvalidDataException("a shape is missing")).Select(d => d!.GetValue<int>()).ToImmutableArray());
}

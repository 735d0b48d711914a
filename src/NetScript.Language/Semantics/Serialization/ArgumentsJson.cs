using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NetScript.Language.Schema;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Checked arguments ↔ JSON: <c>{"units": 64, "bias": true}</c> with every
/// parameter's effective value (defaults included), so a model file does not depend on the
/// defaults of the NetScript that reads it. Reading binds the values to the schema again.</summary>
public static class ArgumentsJson
{
    public static JsonObject Write(BoundArguments arguments)
    {
        var json = new JsonObject();
        foreach (ParameterSpec parameter in arguments.Spec.Parameters)
        {
            JsonNode? value = parameter.Type switch
            {
                ParameterType.Integer => arguments.OptionalInt(parameter.Name) is { } i ? JsonValue.Create(i) : null,
                ParameterType.Number => arguments.OptionalNumber(parameter.Name) is { } d ? JsonValue.Create(d) : null,
                ParameterType.Flag => JsonValue.Create(arguments.Flag(parameter.Name)),
                ParameterType.Choice or ParameterType.String or ParameterType.Name or ParameterType.Metric or ParameterType.Dataset =>
                    arguments.OptionalText(parameter.Name) is { } s ? JsonValue.Create(s) : null,
                ParameterType.IntegerList => arguments.Integers(parameter.Name) is { } list ? new JsonArray(list.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) : null,
                ParameterType.NameList => arguments.Names(parameter.Name) is { } names ? new JsonArray(names.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) : null,
                ParameterType.Operation => Operation(arguments.Operation(parameter.Name)),
                ParameterType.Options => arguments.Group(parameter.Name) is { } group ? Write(group) : null,
                _ => null,
            };
            if (value is not null) json[parameter.Name] = value;
        }
        return json;
    }

    /// <summary><c>{"kind": "huber", "args": {…}}</c>.</summary>
    public static JsonObject Operation(BoundArguments arguments) => new() { ["kind"] = arguments.Spec.Name, ["args"] = Write(arguments) };

    public static BoundArguments Read(OperationSpec spec, JsonObject? json, TextSpan span)
    {
        var given = ImmutableDictionary.CreateBuilder<string, BoundArgument>(StringComparer.Ordinal);
        foreach (var (name, node) in json ?? [])
        {
            ParameterSpec parameter = spec.Find(name) ?? throw new InvalidDataException($"`{spec.Name}` has no parameter `{name}`");
            if (node is null) continue;
            object value = parameter.Type switch
            {
                ParameterType.Integer => node.GetValue<long>(),
                ParameterType.Number => node.GetValue<double>(),
                ParameterType.Flag => node.GetValue<bool>(),
                ParameterType.Choice or ParameterType.String or ParameterType.Name or ParameterType.Metric or ParameterType.Dataset => node.GetValue<string>(),
                ParameterType.IntegerList => node.AsArray().Select(v => v!.GetValue<long>()).ToImmutableArray(),
                ParameterType.NameList => node.AsArray().Select(v => v!.GetValue<string>()).ToImmutableArray(),
                ParameterType.Operation => ReadOperation(parameter.Category!.Value, node.AsObject(), span),
                ParameterType.Options => Read(parameter.Nested!, node.AsObject(), span),
                _ => throw new InvalidDataException($"`{spec.Name}`: parameter `{name}` cannot be read from a model file"),
            };
            if (parameter.Type == ParameterType.Choice && !parameter.Choices.Contains((string)value))
                throw new InvalidDataException($"`{spec.Name}`: `{value}` is not a choice of `{name}`");
            given[name] = new BoundArgument(name, value, span);
        }
        return new BoundArguments(spec, given.ToImmutable(), []);
    }

    public static BoundArguments ReadOperation(OperationCategory category, JsonObject json, TextSpan span)
    {
        string kind = json["kind"]?.GetValue<string>() ?? throw new InvalidDataException("an operation without `kind`");
        OperationSpec spec = SchemaCatalog.Find(category, kind)
            ?? throw new InvalidDataException($"unknown {SchemaCatalog.Noun(category)} `{kind}` (written by a newer NetScript?)");
        return Read(spec, json["args"] as JsonObject, span);
    }
}

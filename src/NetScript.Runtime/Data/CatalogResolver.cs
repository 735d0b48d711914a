using NetScript.Data;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Data;

/// <summary>Answers the checker's questions about datasets from metadata, and loads them
/// for the executor. Every catalog entry of the schema is implemented here.</summary>
public sealed class CatalogResolver : IDatasetResolver
{
    public DatasetInfo? Describe(DatasetSource source, out string? error)
    {
        error = null;
        switch (source.Location)
        {
            case "spiral":
                long classes = source.Arguments.Int("classes");
                long points = source.Arguments.Int("points");
                return new DatasetInfo(Shape.Of(2), (int)classes, classes * points);
            default:
                error = $"the catalog has no dataset \"{source.Location}\"";
                return null;
        }
    }

    public static TensorDataset Load(DatasetSource source)
    {
        var args = source.Arguments;
        return source.Location switch
        {
            "spiral" => SpiralDataset.Generate((int)args.Int("classes"), (int)args.Int("points"), args.Number("noise"), source.Seed),
            _ => throw new RuntimeFailure($"the catalog has no dataset \"{source.Location}\""),
        };
    }
}

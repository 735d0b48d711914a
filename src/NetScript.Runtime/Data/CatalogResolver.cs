using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Data;

/// <summary>Answers the checker's questions about datasets from metadata only (a Parquet
/// footer, an IDX header, catalog constants), and loads them for the executor. Every catalog
/// entry and load kind of the schema is implemented here.</summary>
public sealed class CatalogResolver : IDatasetResolver, IModelResolver
{
    readonly Export.ModelFileResolver _models = new();

    /// <summary>Model files for <c>load model</c> (the runtime owns their format).</summary>
    public ModelFileInfo? Describe(string path, NetScript.Language.Text.TextSpan span, out string? error) => _models.Describe(path, span, out error);

    public DatasetInfo? Describe(DatasetSource source, out string? error)
    {
        error = null;
        try
        {
            return Describe(source);
        }
        catch (DataException e)
        {
            error = e.Message;
            return null;
        }
        catch (ArgumentException) when (source.Location.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            error = $"\"{source.Location}\" is not a valid file path";
            return null;
        }
    }

    public static TensorDataset Load(DatasetSource source, CancellationToken cancellation = default)
    {
        var args = source.Arguments;
        if (source.Kind == LoadSchema.Parquet.Name)
            return ParquetDatasetReader.Read(source.ResolvePath(), Options(args), Quote(source.Location), cancellation);
        return source.Location switch
        {
            "spiral" => SpiralDataset.Generate((int)args.Int("classes"), (int)args.Int("points"), args.Number("noise"), source.Seed),
            "fashion-mnist" => FashionMnist.Default.Load(args.Text("split"), cancellation),
            SampleTables.Outliers or SampleTables.Blobs => SampleTables.Load(source.Location),
            _ => throw new RuntimeFailure($"the catalog has no dataset \"{source.Location}\""),
        };
    }

    static DatasetInfo Describe(DatasetSource source)
    {
        var args = source.Arguments;
        if (source.Kind == LoadSchema.Parquet.Name)
            return ToInfo(ParquetDatasetReader.Describe(source.ResolvePath(), Options(args), Quote(source.Location)));
        switch (source.Location)
        {
            case "spiral":
                long classes = args.Int("classes");
                long points = args.Int("points");
                return new DatasetInfo(Shape.Of(2), (int)classes, classes * points);
            case "fashion-mnist":
                return ToInfo(FashionMnist.Default.Describe(args.Text("split")));
            case SampleTables.Outliers or SampleTables.Blobs:
                return ToInfo(SampleTables.Describe(source.Location));
            default:
                throw new DataException($"the catalog has no dataset \"{source.Location}\"");
        }
    }

    static ParquetLoadOptions Options(BoundArguments args) => new()
    {
        Label = args.OptionalText("label"),
        Features = args.Names("features") is { } features ? features.ToList() : null,
        Shape = args.Integers("shape") is { } shape ? shape.ToArray() : null,
        Classes = args.OptionalInt("classes") is { } classes ? (int)classes : null,
        Task = args.OptionalText("task") switch
        {
            "regression" => DatasetTask.Regression,
            "classification" => DatasetTask.Classification,
            _ => null,
        },
    };

    static DatasetInfo ToInfo(ParquetDatasetInfo info)
    {
        if (info.SampleShape.Any(d => d > int.MaxValue)) throw new DataException($"a sample of shape [{string.Join(", ", info.SampleShape)}] is too large");
        return new DatasetInfo(new Shape(info.SampleShape.Select(d => (int)d).ToImmutableArray()), info.Classes, info.Rows);
    }

    static string Quote(string path) => $"\"{path}\"";
}

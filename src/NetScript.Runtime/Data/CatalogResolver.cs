using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Data;

/// <summary>Answers the checker's questions about datasets from metadata only (a Parquet
/// footer, an IDX header, catalog constants), and loads them for the executor. Every lowered
/// data source is implemented here.</summary>
public sealed class CatalogResolver : IDatasetResolver
{
    public DatasetInfo? Describe(DataSourceSpec source, out string? error)
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

    public static TensorDataset Load(DataSourceSpec source, CancellationToken cancellation = default) => source switch
    {
        ParquetSource parquet => ParquetDatasetReader.Read(parquet.ResolvePath(), Options(parquet), Quote(parquet.Location), cancellation),
        SpiralSource spiral => SpiralDataset.Generate(spiral.Classes, spiral.Points, spiral.Noise, spiral.Seed),
        FashionMnistSource fashion => FashionMnist.Default.Load(Split(fashion.Split), cancellation),
        SampleTableSource table => SampleTables.Load(table.Location),
        _ => throw new RuntimeFailure($"the catalog has no dataset \"{source.Location}\""),
    };

    static DatasetInfo Describe(DataSourceSpec source) => source switch
    {
        ParquetSource parquet => ToInfo(ParquetDatasetReader.Describe(parquet.ResolvePath(), Options(parquet), Quote(parquet.Location))),
        SpiralSource spiral => new DatasetInfo(Shape.Of(2), spiral.Classes, (long)spiral.Classes * spiral.Points),
        FashionMnistSource fashion => ToInfo(FashionMnist.Default.Describe(Split(fashion.Split))),
        SampleTableSource table => ToInfo(SampleTables.Describe(table.Location)),
        _ => throw new DataException($"the catalog has no dataset \"{source.Location}\""),
    };

    /// <summary>The split's name in the Fashion-MNIST files.</summary>
    static string Split(FashionMnistSplit split) => split == FashionMnistSplit.Test ? "test" : "train";

    static ParquetLoadOptions Options(ParquetSource source) => new()
    {
        Label = source.Label,
        Features = source.Features is { } features ? features.ToList() : null,
        Shape = source.Shape is { } shape ? shape.ToArray() : null,
        Classes = source.Classes,
        Task = source.Task switch
        {
            TargetKind.Regression => DatasetTask.Regression,
            TargetKind.Classification => DatasetTask.Classification,
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

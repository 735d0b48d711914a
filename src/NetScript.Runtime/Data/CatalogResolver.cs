using System.Collections.Immutable;
using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Data;

/// <summary>Answers the checker's questions about datasets from metadata only (a Parquet
/// footer, an IDX header, catalog constants), and loads them for the executor. Every lowered
/// data source is implemented here.</summary>
public sealed class CatalogResolver : IDatasetResolver, IModelResolver
{
    readonly Export.ModelFileResolver _models = new();

    /// <summary>Model files for <c>load model</c> (the runtime owns their format).</summary>
    public ModelFileInfo? Describe(string path, NetScript.Language.Text.TextSpan span, out string? error) => _models.Describe(path, span, out error);

    /// <summary>Weights for <c>transfer … from</c> (model files and checkpoints).</summary>
    public Shape? WeightsInput(string path, out string? error) => _models.WeightsInput(path, out error);

    public string? WeightsMismatch(string path, ModelPlan plan) => _models.WeightsMismatch(path, plan);

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
        CsvSource csv => CsvDatasetReader.Read(csv.ResolvePath(), Options(csv), Quote(csv.Location), cancellation),
        SpiralSource spiral => SpiralDataset.Generate(spiral.Classes, spiral.Points, spiral.Noise, spiral.Seed),
        GaussianSource gaussian => GaussianDataset.Generate(gaussian.Features, gaussian.Rows, gaussian.Classes, gaussian.Seed),
        FashionMnistSource fashion => Select(fashion, FashionMnist.Default.Load(Split(fashion.Split), cancellation)),
        SampleTableSource table => SampleTables.Load(table.Location),
        _ => throw new RuntimeFailure($"the catalog has no dataset \"{source.Location}\""),
    };

    static DatasetInfo Describe(DataSourceSpec source) => source switch
    {
        ParquetSource parquet => ToInfo(ParquetDatasetReader.Describe(parquet.ResolvePath(), Options(parquet), Quote(parquet.Location))),
        CsvSource csv => ToInfo(CsvDatasetReader.Describe(csv.ResolvePath(), Options(csv), Quote(csv.Location))),
        SpiralSource spiral => new DatasetInfo(Shape.Of(2), spiral.Classes, (long)spiral.Classes * spiral.Points),
        GaussianSource gaussian => Describe(gaussian),
        FashionMnistSource fashion => Selected(fashion, ToInfo(FashionMnist.Default.Describe(Split(fashion.Split)))),
        SampleTableSource table => ToInfo(SampleTables.Describe(table.Location)),
        _ => throw new DataException($"the catalog has no dataset \"{source.Location}\""),
    };

    /// <summary>`classes=[…]` and `per_class=`: the kept rows, relabelled (the full split when neither is given).</summary>
    static TensorDataset Select(FashionMnistSource source, TensorDataset data)
    {
        if (source.Classes.IsEmpty && source.PerClass is null) return data;
        using (data) return ClassSelection.Apply(data, source.Classes, source.PerClass, source.Seed);
    }

    /// <summary>The selection's classes and rows (the splits are balanced, so the count is exact).</summary>
    static DatasetInfo Selected(FashionMnistSource source, DatasetInfo info)
    {
        int classes = source.Classes.IsEmpty ? info.Classes : source.Classes.Length;
        long? rows = source.PerClass is { } n ? (long)n * classes : source.Classes.IsEmpty ? info.Rows : (long)source.ImagesPerClass * classes;
        return info with { Classes = classes, Rows = rows };
    }

    static DatasetInfo Describe(GaussianSource gaussian)
    {
        GaussianDataset.Validate(gaussian.Features, gaussian.Rows);
        return new DatasetInfo(Shape.Of(gaussian.Features), gaussian.Classes, gaussian.Rows);
    }

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

    static CsvLoadOptions Options(CsvSource source) => new()
    {
        Label = source.Label,
        Features = source.Features is { } features ? features.ToList() : null,
        Delimiter = source.Delimiter,
        Missing = source.Missing == MissingValues.Skip ? CsvMissing.Skip : CsvMissing.Error,
        Classes = source.Classes,
        Task = source.Task == TargetKind.Regression ? DatasetTask.Regression : DatasetTask.Classification,
    };

    static DatasetInfo ToInfo(ParquetDatasetInfo info)
    {
        if (info.SampleShape.Any(d => d > int.MaxValue)) throw new DataException($"a sample of shape [{string.Join(", ", info.SampleShape)}] is too large");
        return new DatasetInfo(new Shape(info.SampleShape.Select(d => (int)d).ToImmutableArray()), info.Classes, info.Rows);
    }

    static string Quote(string path) => $"\"{path}\"";
}

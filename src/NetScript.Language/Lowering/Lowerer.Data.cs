using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

public static partial class Lowerer
{
    /// <summary>A checked <c>load</c> source; the checker lowers it too, to ask the data layer about it.</summary>
    public static DataSourceSpec Source(DatasetSource source)
    {
        BoundArguments a = source.Arguments;
        OperationSpec s = a.Spec;
        if (s == LoadSchema.Parquet)
        {
            return new ParquetSource(source.Location, source.BaseDirectory)
            {
                Label = a.OptionalText("label"),
                Features = a.Names("features"),
                Shape = a.Integers("shape"),
                Classes = (int?)a.OptionalInt("classes"),
                Task = a.OptionalText("task") is { } task ? ChoiceText.Parse<TargetKind>(task) : null,
            };
        }
        if (s == LoadSchema.Csv)
        {
            return new CsvSource(source.Location, source.BaseDirectory, a.Text("label"))
            {
                Features = a.Names("features"),
                Delimiter = a.OptionalText("delimiter") is { Length: 1 } delimiter ? delimiter[0] : null,
                Missing = Choice<MissingValues>(a, "missing"),
                Classes = (int?)a.OptionalInt("classes"),
                Task = Choice<TargetKind>(a, "task"),
            };
        }
        if (s == DatasetCatalogSchema.Spiral) return new SpiralSource(source.Location, (int)a.Int("classes"), (int)a.Int("points"), a.Number("noise"), source.Seed);
        if (s == DatasetCatalogSchema.Gaussian) return new GaussianSource(source.Location, (int)a.Int("features"), (int)a.Int("rows"), (int)a.Int("classes"), source.Seed);
        if (s == DatasetCatalogSchema.FashionMnist)
            return new FashionMnistSource(source.Location, Choice<FashionMnistSplit>(a, "split"))
            {
                Classes = a.Integers("classes") is { } classes ? [.. classes.Select(c => (int)c)] : [],
                PerClass = (int?)a.OptionalInt("per_class"),
                Seed = source.Seed,
            };
        if (s == DatasetCatalogSchema.Outliers || s == DatasetCatalogSchema.Blobs) return new SampleTableSource(source.Location);
        throw NoLowering(s);
    }

    /// <summary>One checked preprocessing step.</summary>
    public static PreprocessingSpec Preprocessing(PreprocessOperation operation)
    {
        BoundArguments a = operation.Arguments;
        OperationSpec s = a.Spec;
        if (s == PreprocessingSchema.ZeroCenter) return new ZeroCenterPreprocessing(Choice<StatisticsOver>(a, "over"));
        if (s == PreprocessingSchema.Standardize) return new StandardizePreprocessing(Choice<StatisticsOver>(a, "over"), a.Number("eps"));
        if (s == PreprocessingSchema.MinMax) return new MinMaxPreprocessing(Choice<StatisticsOver>(a, "over"), a.Number("low"), a.Number("high"));
        if (s == PreprocessingSchema.Scale) return new ScalePreprocessing(a.Number("factor"));
        if (s == PreprocessingSchema.Pca) return new PcaPreprocessing(a.OptionalInt("k"), a.Flag("whiten"), a.Number("eps"));
        if (s == PreprocessingSchema.Zca) return new ZcaPreprocessing(a.Number("eps"));
        throw NoLowering(s);
    }
}

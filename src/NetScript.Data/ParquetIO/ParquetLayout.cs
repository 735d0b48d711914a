using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Which columns of a Parquet file make features and labels, and the dataset they
/// describe — resolved from the footer only, shared by describing and reading.</summary>
internal sealed class ParquetLayout
{
    static readonly Type[] NumericTypes =
        [typeof(float), typeof(double), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long)];

    ParquetLayout(ParquetDatasetInfo info, DataField label, DataField[] features, DataField? image, string[]? labelNames)
    {
        Info = info;
        LabelField = label;
        FeatureFields = features;
        ImageField = image;
        LabelNames = labelNames;
    }

    public ParquetDatasetInfo Info { get; }

    public DataField LabelField { get; }

    /// <summary>One field per feature (tables); empty for image datasets.</summary>
    public DataField[] FeatureFields { get; }

    /// <summary>The leaf of the list column holding each sample (image datasets).</summary>
    public DataField? ImageField { get; }

    /// <summary>Class names in label order when the labels are text.</summary>
    public string[]? LabelNames { get; }

    public static bool IsNumeric(Type type) => NumericTypes.Contains(type);

    /// <summary>Parquet.Net 6 reports UTF-8 columns as ReadOnlyMemory&lt;char&gt;.</summary>
    public static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    public static ParquetLayout Resolve(ParquetReader reader, ParquetLoadOptions options, string name)
    {
        Dictionary<string, string> metadata = reader.CustomMetadata ?? new();
        var top = reader.Schema.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        string columns = string.Join(", ", top.Keys.Select(k => $"`{k}`"));

        string label = options.Label ?? metadata.GetValueOrDefault(MetadataKeys.Label)
            ?? throw new DataException($"{name} does not say which column holds the labels; add label=COLUMN (its columns: {columns})");
        if (!top.TryGetValue(label, out Field? labelTop))
            throw new DataException($"{name} has no label column `{label}` (its columns: {columns})");
        if (labelTop is not DataField { MaxRepetitionLevel: 0 } labelField)
            throw new DataException($"the label column `{label}` of {name} must hold one value per row, not a list or group");
        bool textLabels = IsText(labelField);
        if (!textLabels && !IsNumeric(labelField.ClrType))
            throw new DataException($"the label column `{label}` of {name} holds {Describe(labelField)}; labels must be numbers or text");

        DatasetTask task = options.Task ?? ParseTask(metadata.GetValueOrDefault(MetadataKeys.Task), name);
        if (task == DatasetTask.Regression && textLabels)
            throw new DataException($"the label column `{label}` of {name} holds text, so it cannot be a regression target");

        var featureNames = options.Features?.ToList() ?? top.Keys.Where(k => k != label).ToList();
        if (featureNames.Count == 0) throw new DataException($"{name} has no feature columns besides the label `{label}`");
        if (featureNames.Contains(label)) throw new DataException($"`{label}` is the label column of {name}; it cannot also be a feature");
        foreach (string feature in featureNames)
            if (!top.ContainsKey(feature))
                throw new DataException($"{name} has no feature column `{feature}` (its columns: {columns})");

        long rows = reader.RowGroups.Sum(g => g.RowCount);
        DataField? image = null;
        var tabular = new List<DataField>();
        long sampleLength;
        var lists = featureNames.Where(f => IsList(top[f])).ToList();
        if (lists.Count > 0)
        {
            if (featureNames.Count > 1)
                throw new DataException($"the list column `{lists[0]}` of {name} holds whole samples, so it must be the only feature (got {string.Join(", ", featureNames.Select(f => $"`{f}`"))})");
            image = ListLeaf(top[lists[0]], name);
            sampleLength = ListLength(reader, image, lists[0], name);
        }
        else
        {
            foreach (string feature in featureNames)
            {
                var field = (DataField)top[feature];
                if (!IsNumeric(field.ClrType))
                    throw new DataException($"the feature column `{feature}` of {name} holds {Describe(field)}; features must be numbers");
                tabular.Add(field);
            }
            sampleLength = tabular.Count;
        }

        // The recorded shape describes the file's own samples; a selection of columns is flat.
        long[]? recorded = ParseShape(metadata.GetValueOrDefault(MetadataKeys.Shape), name);
        if (recorded is not null && options.Features is not null && recorded.Aggregate(1L, (a, d) => a * d) != sampleLength) recorded = null;
        long[] shape = options.Shape ?? recorded ?? [sampleLength];
        long size = shape.Aggregate(1L, (a, d) => a * d);
        if (shape.Length == 0 || shape.Any(d => d < 1) || size != sampleLength)
            throw new DataException($"shape {FormatShape(shape)} of {name} does not fit its samples of {sampleLength} values each");

        string[]? labelNames = ParseNames(metadata.GetValueOrDefault(MetadataKeys.LabelNames), name);
        var (classes, from) = task == DatasetTask.Regression
            ? (0, "regression")
            : Classes(reader, options, metadata, labelField, labelNames, textLabels, name);
        var info = new ParquetDatasetInfo(rows, shape, classes, task, label, featureNames, image is null ? null : lists[0], from);
        return new ParquetLayout(info, labelField, tabular.ToArray(), image, labelNames);
    }

    public static string FormatShape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    static bool IsList(Field field) => field is ListField || field is DataField { MaxRepetitionLevel: > 0 };

    static DataField ListLeaf(Field field, string name)
    {
        DataField? leaf = field switch
        {
            ListField { Item: DataField item } => item,
            DataField data => data, // a legacy `repeated float` column
            _ => null,
        };
        if (leaf is null || leaf.MaxRepetitionLevel != 1)
            throw new DataException($"the column `{field.Name}` of {name} holds nested lists or groups; a sample must be one flat list of numbers");
        if (leaf.ClrType != typeof(float) && leaf.ClrType != typeof(double))
            throw new DataException($"the list column `{field.Name}` of {name} holds {Describe(leaf)}; sample lists must hold float or double values");
        return leaf;
    }

    /// <summary>Values per row, from the value counts in the footer: a list column whose
    /// counts do not divide evenly into its rows is ragged, and that shows without reading it.</summary>
    static long ListLength(ParquetReader reader, DataField leaf, string column, string name)
    {
        long? length = null;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = reader.RowGroups[g];
            if (group.RowCount == 0) continue;
            long values = group.GetMetadata(leaf)?.MetaData?.NumValues
                ?? throw new DataException($"{name} is not a valid Parquet file: row group {g} has no metadata for `{column}`");
            if (values % group.RowCount != 0 || (length is { } l && values / group.RowCount != l))
                throw new DataException($"the rows of the list column `{column}` of {name} have different lengths; every sample must have the same number of values");
            length = values / group.RowCount;
        }
        return length is > 0 ? length.Value : throw new DataException($"the list column `{column}` of {name} holds no values");
    }

    static (int Classes, string From) Classes(ParquetReader reader, ParquetLoadOptions options, Dictionary<string, string> metadata,
        DataField label, string[]? labelNames, bool textLabels, string name)
    {
        if (options.Classes is { } given) return (given, "the `classes` argument");
        if (metadata.GetValueOrDefault(MetadataKeys.Classes) is { } text)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
                ? (n, "the file's metadata")
                : throw new DataException($"{name} has an invalid `{MetadataKeys.Classes}` entry \"{text}\"");
        }
        if (labelNames is not null) return (labelNames.Length, "the file's class names");
        if (!textLabels && MaxLabel(reader, label, name) is { } max) return ((int)max + 1, "the label column's statistics");
        throw new DataException($"cannot tell how many classes the labels of {name} have without reading them; "
            + "add classes=N (files written by `netscript data import` record it)");
    }

    /// <summary>The largest label from the min/max statistics of every row group, or null
    /// when some row group has none.</summary>
    static long? MaxLabel(ParquetReader reader, DataField label, string name)
    {
        long max = -1;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetRowGroupReader group = reader.RowGroups[g];
            if (group.RowCount == 0) continue;
            var statistics = group.GetStatistics(label);
            if (statistics?.MinValue is not { } low || statistics.MaxValue is not { } high) return null;
            double min = Convert.ToDouble(low, CultureInfo.InvariantCulture);
            double top = Convert.ToDouble(high, CultureInfo.InvariantCulture);
            if (min < 0)
                throw new DataException($"the labels `{label.Name}` of {name} go down to {min.ToString(CultureInfo.InvariantCulture)}; class labels must be 0, 1, 2, …");
            if (top != Math.Floor(top) || top >= int.MaxValue)
                throw new DataException($"the labels `{label.Name}` of {name} are not class indices (the largest is {top.ToString(CultureInfo.InvariantCulture)}); "
                    + "for real-valued targets add task=regression");
            max = Math.Max(max, (long)top);
        }
        return max >= 0 ? max : null;
    }

    static DatasetTask ParseTask(string? text, string name) => text switch
    {
        null or "classification" => DatasetTask.Classification,
        "regression" => DatasetTask.Regression,
        _ => throw new DataException($"{name} has an invalid `{MetadataKeys.Task}` entry \"{text}\" (expected classification or regression)"),
    };

    static long[]? ParseShape(string? text, string name)
    {
        if (text is null) return null;
        var parts = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dims = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
                throw new DataException($"{name} has an invalid `{MetadataKeys.Shape}` entry \"{text}\"");
        return dims;
    }

    static string[]? ParseNames(string? json, string name)
    {
        if (json is null) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new DataException($"{name} has an invalid `{MetadataKeys.LabelNames}` entry (expected a JSON array of names)");
        }
    }

    static string Describe(DataField field) =>
        IsText(field) ? "text"
        : field.ClrType == typeof(bool) ? "true/false values"
        : field.ClrType == typeof(ReadOnlyMemory<byte>) || field.ClrType == typeof(byte[]) ? "binary data"
        : field.ClrType.Name + " values";
}

using System.Globalization;
using Parquet;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Collects the label column row group by row group and checks every value: class
/// indices 0 … K−1 (numbers, or text mapped through the class names), or finite targets.</summary>
internal sealed class LabelColumn
{
    readonly ParquetLayout _layout;
    readonly string _name;
    readonly long[]? _classes;
    readonly float[]? _targets;
    readonly string[]? _texts;
    readonly Dictionary<string, long>? _index;

    public LabelColumn(ParquetLayout layout, int rows, string name)
    {
        _layout = layout;
        _name = name;
        if (layout.Info.Task == DatasetTask.Regression) _targets = new float[rows];
        else if (ParquetLayout.IsText(layout.LabelField)) _texts = new string[rows];
        else _classes = new long[rows];
        _index = layout.LabelNames?.Select((n, i) => (n, i: (long)i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    }

    string Column => _layout.Info.Label;

    int Classes => _layout.Info.Classes;

    public async ValueTask ReadAsync(ParquetRowGroupReader group, long offset, int rows)
    {
        if (_texts is not null)
        {
            var texts = new string?[rows];
            await group.ReadAsync(_layout.LabelField, texts.AsMemory());
            for (int i = 0; i < rows; i++)
                _texts[offset + i] = texts[i] ?? throw new DataException($"row index {offset + i} of {_name} has no label (`{Column}` is null)");
            return;
        }
        double[] values = await ParquetColumnReader.ReadAsDoublesAsync(group, _layout.LabelField, rows, offset, _name);
        for (int i = 0; i < rows; i++)
        {
            double value = values[i];
            long row = offset + i;
            if (_targets is not null)
            {
                if (!double.IsFinite(value)) throw NonFiniteTarget(value, row);
                _targets[row] = (float)value;
            }
            else if (value != Math.Floor(value) || value < 0 || value >= Classes)
            {
                throw new DataException($"row index {row} of {_name} has the label {value.ToString(CultureInfo.InvariantCulture)}, "
                    + $"but class labels must be whole numbers 0 … {Classes - 1} ({Classes} classes, from {_layout.Info.ClassesFrom})");
            }
            else
            {
                _classes![row] = (long)value;
            }
        }
    }

    public Tensor ToTensor()
    {
        if (_targets is not null) return tensor(_targets);
        if (_classes is not null) return tensor(_classes);
        return tensor(TextToClasses(_texts!));
    }

    long[] TextToClasses(string[] texts)
    {
        var index = _index ?? texts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((n, i) => (n, i: (long)i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        if (_index is null && index.Count != Classes)
            throw new DataException($"the labels `{Column}` of {_name} hold {index.Count} distinct names, but the dataset has {Classes} classes (from {_layout.Info.ClassesFrom})");
        var classes = new long[texts.Length];
        for (int row = 0; row < texts.Length; row++)
            classes[row] = index.TryGetValue(texts[row], out long c) ? c
                : throw new DataException($"row index {row} of {_name} has the label \"{texts[row]}\", which is not one of its class names");
        return classes;
    }

    DataException NonFiniteTarget(double value, long row) =>
        new($"the target column `{Column}` of {_name} holds {value.ToString(CultureInfo.InvariantCulture)} in row index {row}; "
            + "targets must be finite numbers (clean or drop such rows first)");
}

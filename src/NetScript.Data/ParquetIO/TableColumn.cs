using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>One column to write, held in memory and written row group by row group.</summary>
internal abstract class TableColumn(string name)
{
    public string Name { get; } = name;

    public abstract Field Field { get; }

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, int start, int count);

    /// <summary>Column <paramref name="column"/> of a row-major block of rows
    /// <paramref name="stride"/> wide; rows flagged in <paramref name="missing"/> are nulls.</summary>
    public static TableColumn Floats(string name, ReadOnlyMemory<float> values, int column = 0, int stride = 1, bool[]? missing = null) =>
        new FloatColumn(name, values, column, stride, missing);

    public static TableColumn Longs(string name, long[] values, bool[]? missing = null) => new LongColumn(name, values, missing);

    public static TableColumn Texts(string name, string?[] values) => new TextColumn(name, values);

    /// <summary>One list of <paramref name="length"/> floats per row (the image layout).</summary>
    public static TableColumn FloatLists(string name, ReadOnlyMemory<float> values, int length) => new FloatListColumn(name, values, length);

    sealed class FloatColumn(string name, ReadOnlyMemory<float> values, int column, int stride, bool[]? missing) : TableColumn(name)
    {
        readonly DataField _field = missing is null ? new DataField<float>(name) : new DataField<float?>(name);

        public override Field Field => _field;

        public override Task WriteAsync(ParquetRowGroupWriter writer, int start, int count)
        {
            ReadOnlySpan<float> source = values.Span;
            if (missing is null)
            {
                var block = new float[count];
                for (int i = 0; i < count; i++) block[i] = source[(start + i) * stride + column];
                return writer.WriteAsync<float>(_field, block);
            }
            var nullable = new float?[count];
            for (int i = 0; i < count; i++)
                nullable[i] = missing[start + i] ? null : source[(start + i) * stride + column];
            return writer.WriteAsync<float>(_field, nullable);
        }
    }

    sealed class LongColumn(string name, long[] values, bool[]? missing) : TableColumn(name)
    {
        readonly DataField _field = missing is null ? new DataField<long>(name) : new DataField<long?>(name);

        public override Field Field => _field;

        public override Task WriteAsync(ParquetRowGroupWriter writer, int start, int count)
        {
            if (missing is null) return writer.WriteAsync<long>(_field, values.AsMemory(start, count));
            var nullable = new long?[count];
            for (int i = 0; i < count; i++) nullable[i] = missing[start + i] ? null : values[start + i];
            return writer.WriteAsync<long>(_field, nullable);
        }
    }

    sealed class TextColumn(string name, string?[] values) : TableColumn(name)
    {
        readonly DataField _field = new DataField<string>(name);

        public override Field Field => _field;

        public override Task WriteAsync(ParquetRowGroupWriter writer, int start, int count) =>
            writer.WriteAsync(_field, new ArraySegment<string?>(values, start, count));
    }

    sealed class FloatListColumn(string name, ReadOnlyMemory<float> values, int length) : TableColumn(name)
    {
        readonly ListField _list = new(name, new DataField<float>("element"));
        int[] _definitions = [];
        int[] _repetitions = [];

        public override Field Field => _list;

        public override Task WriteAsync(ParquetRowGroupWriter writer, int start, int count)
        {
            var leaf = (DataField)_list.Item;
            int size = count * length;
            if (_repetitions.Length < size)
            {
                // Same levels for every full row group: every value present, a new row every `length`.
                _definitions = new int[size];
                _repetitions = new int[size];
                Array.Fill(_definitions, leaf.MaxDefinitionLevel);
                for (int i = 0; i < size; i++) _repetitions[i] = i % length == 0 ? 0 : 1;
            }
            return writer.WriteAllPartsAsync(leaf, values.Slice(start * length, size),
                _definitions.AsMemory(0, size), _repetitions.AsMemory(0, size), CancellationToken.None);
        }
    }
}

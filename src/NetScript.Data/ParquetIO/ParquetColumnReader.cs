using System.Buffers;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Reads one row group's columns into tensor memory. Buffers come from the shared
/// array pool, so reading allocates nothing per row or per value.</summary>
internal static class ParquetColumnReader
{
    /// <summary>Image layout: one list of <paramref name="length"/> values per row, decoded
    /// straight into <paramref name="destination"/> (rows × length floats).</summary>
    public static async ValueTask ReadSamplesAsync(ParquetRowGroupReader group, DataField leaf, string column,
        Memory<float> destination, int rows, int length, long firstRow, string name)
    {
        int expected = checked(rows * length);
        long values = group.GetMetadata(leaf)?.MetaData?.NumValues ?? -1;
        int size = checked((int)Math.Max(values, expected));
        int[] definitions = ArrayPool<int>.Shared.Rent(size);
        int[] repetitions = ArrayPool<int>.Shared.Rent(size);
        try
        {
            if (values != expected)
            {
                // Ragged: read into scratch space (the tensor has room for exactly `expected`).
                float[] scratch = ArrayPool<float>.Shared.Rent(size);
                try
                {
                    await ReadRawAsync(group, leaf, scratch.AsMemory(0, (int)values), definitions.AsMemory(0, (int)values), repetitions.AsMemory(0, (int)values));
                    throw Ragged(repetitions.AsSpan(0, (int)values), definitions.AsSpan(0, (int)values), leaf.MaxDefinitionLevel, length, firstRow, column, name);
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(scratch);
                }
            }
            await ReadRawAsync(group, leaf, destination[..expected], definitions.AsMemory(0, expected), repetitions.AsMemory(0, expected));
            Span<int> reps = repetitions.AsSpan(0, expected);
            Span<int> defs = definitions.AsSpan(0, expected);
            bool regular = reps.Count(0) == rows && defs.IndexOfAnyExcept(leaf.MaxDefinitionLevel) < 0;
            for (int row = 0; regular && row < rows; row++)
                regular = reps[row * length] == 0;
            if (!regular) throw Ragged(reps, defs, leaf.MaxDefinitionLevel, length, firstRow, column, name);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(definitions);
            ArrayPool<int>.Shared.Return(repetitions);
        }
    }

    /// <summary>Table layout: column <paramref name="column"/> of each row of
    /// <paramref name="destination"/>, whose rows are <paramref name="stride"/> floats long.</summary>
    public static ValueTask ReadFeatureAsync(ParquetRowGroupReader group, DataField field, Memory<float> destination,
        int rows, int column, int stride, long firstRow, string name)
    {
        var target = new Target(destination, column, stride);
        Type type = field.ClrType;
        if (type == typeof(float)) return ReadNumbersAsync<float>(group, field, rows, target, firstRow, name);
        if (type == typeof(double)) return ReadNumbersAsync<double>(group, field, rows, target, firstRow, name);
        if (type == typeof(int)) return ReadNumbersAsync<int>(group, field, rows, target, firstRow, name);
        if (type == typeof(long)) return ReadNumbersAsync<long>(group, field, rows, target, firstRow, name);
        if (type == typeof(short)) return ReadNumbersAsync<short>(group, field, rows, target, firstRow, name);
        if (type == typeof(ushort)) return ReadNumbersAsync<ushort>(group, field, rows, target, firstRow, name);
        if (type == typeof(uint)) return ReadNumbersAsync<uint>(group, field, rows, target, firstRow, name);
        if (type == typeof(byte)) return ReadNumbersAsync<byte>(group, field, rows, target, firstRow, name);
        if (type == typeof(sbyte)) return ReadNumbersAsync<sbyte>(group, field, rows, target, firstRow, name);
        throw new DataException($"the column `{field.Name}` of {name} holds {type.Name} values, which are not numbers");
    }

    /// <summary>Reads a numeric column of one value per row as float64, for labels.</summary>
    public static async ValueTask<double[]> ReadAsDoublesAsync(ParquetRowGroupReader group, DataField field, int rows, long firstRow, string name)
    {
        var values = new double[rows];
        var target = new Target(null, 0, 1) { Doubles = values };
        Type type = field.ClrType;
        if (type == typeof(float)) await ReadNumbersAsync<float>(group, field, rows, target, firstRow, name);
        else if (type == typeof(double)) await ReadNumbersAsync<double>(group, field, rows, target, firstRow, name);
        else if (type == typeof(int)) await ReadNumbersAsync<int>(group, field, rows, target, firstRow, name);
        else if (type == typeof(long)) await ReadNumbersAsync<long>(group, field, rows, target, firstRow, name);
        else if (type == typeof(short)) await ReadNumbersAsync<short>(group, field, rows, target, firstRow, name);
        else if (type == typeof(ushort)) await ReadNumbersAsync<ushort>(group, field, rows, target, firstRow, name);
        else if (type == typeof(uint)) await ReadNumbersAsync<uint>(group, field, rows, target, firstRow, name);
        else if (type == typeof(byte)) await ReadNumbersAsync<byte>(group, field, rows, target, firstRow, name);
        else if (type == typeof(sbyte)) await ReadNumbersAsync<sbyte>(group, field, rows, target, firstRow, name);
        else throw new DataException($"the column `{field.Name}` of {name} holds {type.Name} values, which are not numbers");
        return values;
    }

    /// <summary>Where converted values go: floats at a column of a row-major block, or doubles.</summary>
    sealed record Target(Memory<float>? Floats, int Column, int Stride)
    {
        public double[]? Doubles { get; init; }
    }

    static async ValueTask ReadNumbersAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Target target, long firstRow, string name)
        where T : struct, INumberBase<T>
    {
        T[] values = ArrayPool<T>.Shared.Rent(rows);
        int[]? definitions = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            await group.ReadRawAsync(field, values.AsMemory(0, rows), definitions?.AsMemory(0, rows), null);
            if (definitions is not null)
            {
                Span<int> defs = definitions.AsSpan(0, rows);
                int first = defs.IndexOfAnyExcept(field.MaxDefinitionLevel);
                if (first >= 0)
                {
                    int missing = rows - defs.Count(field.MaxDefinitionLevel);
                    throw new DataException($"the column `{field.Name}` of {name} has {missing:N0} missing value{(missing == 1 ? "" : "s")} "
                        + $"in rows {firstRow:N0}–{firstRow + rows - 1:N0} (the first in row index {firstRow + first}); fill or drop them first");
                }
            }
            Convert<T>(values.AsSpan(0, rows), target);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
            if (definitions is not null) ArrayPool<int>.Shared.Return(definitions);
        }
    }

    static void Convert<T>(ReadOnlySpan<T> values, Target target) where T : struct, INumberBase<T>
    {
        if (target.Doubles is { } doubles)
        {
            for (int i = 0; i < values.Length; i++) doubles[i] = double.CreateTruncating(values[i]);
            return;
        }
        Span<float> destination = target.Floats!.Value.Span;
        for (int i = 0, j = target.Column; i < values.Length; i++, j += target.Stride)
            destination[j] = float.CreateTruncating(values[i]);
    }

    static ValueTask ReadRawAsync(ParquetRowGroupReader group, DataField leaf, Memory<float> values, Memory<int> definitions, Memory<int> repetitions)
    {
        if (leaf.ClrType == typeof(float)) return group.ReadRawAsync(leaf, values, definitions, repetitions);
        return ReadDoublesAsFloatsAsync(group, leaf, values, definitions, repetitions);
    }

    static async ValueTask ReadDoublesAsFloatsAsync(ParquetRowGroupReader group, DataField leaf, Memory<float> values, Memory<int> definitions, Memory<int> repetitions)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            await group.ReadRawAsync(leaf, scratch.AsMemory(0, values.Length), definitions, repetitions);
            Span<float> destination = values.Span;
            for (int i = 0; i < destination.Length; i++) destination[i] = (float)scratch[i];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>Names the first row whose list is null, holds nulls, or has the wrong length.</summary>
    static DataException Ragged(ReadOnlySpan<int> repetitions, ReadOnlySpan<int> definitions, int maxDefinition, int length, long firstRow, string column, string name)
    {
        long row = firstRow - 1;
        int count = 0;
        for (int i = 0; i <= repetitions.Length; i++)
        {
            if (i == repetitions.Length || repetitions[i] == 0)
            {
                if (row >= firstRow && count != length)
                    return new DataException($"row index {row} of the list column `{column}` of {name} has {count} values, but samples have {length}; every sample must have the same number of values");
                if (i == repetitions.Length) break;
                row++;
                count = 0;
            }
            if (definitions[i] < maxDefinition)
                return new DataException($"row index {row} of the list column `{column}` of {name} is null or holds nulls; every sample needs {length} numbers");
            count++;
        }
        return new DataException($"the rows of the list column `{column}` of {name} have different lengths; every sample must have {length} values");
    }
}

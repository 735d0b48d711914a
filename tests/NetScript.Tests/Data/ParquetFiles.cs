using NetScript.Data;
using Parquet;
using Parquet.Schema;

namespace NetScript.Tests.Data;

/// <summary>Small Parquet files written for tests, including broken ones.</summary>
internal static class ParquetFiles
{
    public static string Table(string directory, string name, int rows, params TableColumn[] columns) =>
        Table(directory, name, rows, new Dictionary<string, string>(), columns);

    public static string Table(string directory, string name, int rows, Dictionary<string, string> metadata, params TableColumn[] columns)
    {
        string path = Path.Combine(directory, name);
        ParquetTableWriter.Write(path, columns, rows, metadata, rowGroupSize: 4);
        return path;
    }

    /// <summary>A list column whose rows have the given lengths (a ragged one unless equal).</summary>
    public static string Lists(string directory, string name, int[] lengths)
    {
        string path = Path.Combine(directory, name);
        var leaf = new DataField<float>("element");
        var schema = new ParquetSchema(new ListField("image", leaf), new DataField<long>("label"));
        int total = lengths.Sum();
        var values = Enumerable.Range(0, total).Select(i => (float)i).ToArray();
        var repetitions = lengths.SelectMany(n => Enumerable.Range(0, n).Select(i => i == 0 ? 0 : 1)).ToArray();
        var definitions = Enumerable.Repeat(leaf.MaxDefinitionLevel, total).ToArray();
        AtomicFile.Write(path, stream => Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAllPartsAsync<float>(leaf, values, definitions, repetitions, CancellationToken.None);
            await group.WriteAsync<long>((DataField)schema.Fields[1], new long[lengths.Length]);
        }).GetAwaiter().GetResult());
        return path;
    }
}

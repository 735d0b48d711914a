namespace NetScript.Data;

/// <summary><c>netscript data import SRC DEST.parquet</c>: converts IDX (MNIST format,
/// images + labels, gzipped or not) or CSV into a self-describing Parquet dataset.</summary>
public static class DatasetImporter
{
    public static ImportSummary Import(string source, string destination, ImportOptions options)
    {
        if (Directory.Exists(source)) throw new DataException($"{source} is a folder; import one file at a time");
        if (!File.Exists(source)) throw new DataException($"{source} does not exist");
        if (!destination.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            throw new DataException($"the destination {destination} should end in .parquet");
        if (Path.GetFullPath(source) == Path.GetFullPath(destination))
            throw new DataException("the destination must differ from the source");
        return IdxFile.TryReadDimensions(source) is not null
            ? IdxImporter.Import(source, destination, options)
            : CsvImporter.Import(source, destination, options);
    }
}

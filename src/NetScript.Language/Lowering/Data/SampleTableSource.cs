namespace NetScript.Language.Lowering;

/// <summary>A small table the catalog ships (<c>outliers</c>, <c>blobs</c>), by its catalog name.</summary>
public sealed record SampleTableSource(string Location) : DataSourceSpec(Location);

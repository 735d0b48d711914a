namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnknownDataset =
        Error("NS0101", "Unknown dataset", "no dataset or split named `{0}` is defined{1}");

    public static readonly DiagnosticDescriptor UnknownModel =
        Error("NS0102", "Unknown model", "no model named `{0}` is defined{1}");

    public static readonly DiagnosticDescriptor Redefinition =
        Error("NS0103", "Name already defined", "`{0}` is already defined as a {1} (line {2})");

    public static readonly DiagnosticDescriptor UnknownOperation =
        Error("NS0104", "Unknown operation", "unknown {0} `{1}`{2}");

    public static readonly DiagnosticDescriptor UnknownCatalogDataset =
        Error("NS0105", "Unknown catalog dataset", "the dataset catalog has no `{0}` (it has {2}){1}");

    public static readonly DiagnosticDescriptor UnknownLoadKind =
        Error("NS0106", "Unknown load kind", "cannot load `{0}` (NetScript loads {2}){1}");

    public static readonly DiagnosticDescriptor UsedBeforeDefinition =
        Error("NS0107", "Used before definition", "{0} `{1}` is used before its definition on line {2}; statements run in order, so move the definition above this line");
}

namespace NetScript.Language.Diagnostics;

/// <summary>Every user-facing message NetScript prints, with a stable ID. Ranges by stage:
/// NS00xx syntax, NS01xx names, NS02xx arguments, NS03xx shapes, NS04xx pipeline order,
/// NS05xx lints (warnings), NS06xx data, NS07xx training, NS08xx C# snippets, NS09xx host,
/// NS10xx statistics, NS11xx REPL.
/// Split by area into partial files; IDs are never reused.</summary>
public static partial class DiagnosticCatalog
{
    static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Error, title, format);

    static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Warning, title, format);

    /// <summary>IDs no longer raised, never to be given to another message: NS0712 refused
    /// `precision=bf16` convolutions whose output channels were not a multiple of 16, until
    /// NetScript padded their channels to whole blocks (train.md, "Precision").</summary>
    public static IReadOnlyList<string> Retired { get; } = ["NS0712"];

    /// <summary>All descriptors, for documentation and for the test that every ID has a golden file.</summary>
    /// Computed on first use: static initialisers of partial files run in no fixed order.
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all.Value;

    static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> s_all = new(() => typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList());
}

using System.Collections;
using NetScript.Language.Text;

namespace NetScript.Language.Diagnostics;

/// <summary>Collects diagnostics for one source; stages report here instead of throwing.</summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    readonly List<Diagnostic> _items = new();

    public DiagnosticBag(SourceText? source) => Source = source;

    public SourceText? Source { get; }

    public int Count => _items.Count;

    public bool HasErrors => _items.Any(d => d.IsError);

    public Diagnostic Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor, Source, span, descriptor.Format(args));
        _items.Add(diagnostic);
        return diagnostic;
    }

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public IReadOnlyList<Diagnostic> ToList() =>
        _items.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

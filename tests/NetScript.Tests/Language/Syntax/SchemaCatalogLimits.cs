using NetScript.Language.Schema;

namespace NetScript.Tests.Language.Syntax;

/// <summary>Every parameter of every schema table, nested option groups included, and the
/// bounds they state.</summary>
internal static class SchemaCatalogLimits
{
    public static IEnumerable<(OperationSpec Owner, ParameterSpec Parameter)> Parameters()
    {
        var pending = new Stack<OperationSpec>(Enum.GetValues<OperationCategory>().SelectMany(SchemaCatalog.In));
        var seen = new HashSet<OperationSpec>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out OperationSpec? spec))
        {
            if (!seen.Add(spec)) continue;
            foreach (ParameterSpec parameter in spec.Parameters)
            {
                yield return (spec, parameter);
                if (parameter.Nested is { } nested) pending.Push(nested);
            }
        }
    }

    public static IEnumerable<double> Values() =>
        Parameters().SelectMany(p => new[] { p.Parameter.Min, p.Parameter.Max }).OfType<double>().Distinct().Order();

}

using System.Collections.Immutable;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Runtime.Search;

namespace NetScript.Tests.Runtime.Search;

/// <summary>Search plans built directly (no script), for testing samplers on known functions.</summary>
internal static class SearchSpaces
{
    public static SearchDimension Uniform(string name, double low, double high) => new(name, DistributionKind.Uniform, low, high, 1, []);

    public static SearchDimension Log(string name, double low, double high) => new(name, DistributionKind.LogUniform, low, high, 1, []);

    public static SearchDimension Int(string name, long low, long high, long step = 1) => new(name, DistributionKind.Int, low, high, step, []);

    public static SearchDimension Choice(string name, params Value[] values) => new(name, DistributionKind.Choice, 0, 0, 1, [.. values]);

    /// <summary>A plan of <paramref name="kind"/> with its schema defaults and the given arguments.</summary>
    public static SearchPlan Plan(string kind, long seed, IEnumerable<SearchDimension> space, bool maximize = false, params (string Name, long Value)[] arguments)
    {
        OperationSpec spec = SchemaCatalog.Find(OperationCategory.Search, kind)!;
        BoundArguments args = BoundArguments.Defaults(spec);
        foreach (var (name, value) in arguments) args = args.With(name, value, default);
        return new SearchPlan(kind, args, space.ToImmutableArray(), maximize ? "val_acc" : "val_loss", maximize, seed);
    }

    public static double Number(TrialSpec trial, string name) => ((NumberValue)trial.Values[name]).Number;
}

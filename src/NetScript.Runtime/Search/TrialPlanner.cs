using NetScript.Data;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>Draws the trials of `grid` and `random` searches up front from the search's seed:
/// each trial's values, then its seed, in trial order — so the same trials run whatever the
/// parallelism and wherever they run.</summary>
public static class TrialPlanner
{
    public static IReadOnlyList<TrialSpec> Plan(SearchPlan plan) => plan.Strategy switch
    {
        SearchStrategy.Grid => Grid(plan),
        SearchStrategy.Random => Random(plan.Space, plan.Trials, new SeededRandom(plan.Seed), firstId: 0),
        _ => throw new RuntimeFailure($"search {plan.Kind} plans its trials as results arrive"),
    };

    /// <summary><paramref name="count"/> independent draws; each trial draws one u per dimension, then its seed.</summary>
    public static IReadOnlyList<TrialSpec> Random(IReadOnlyList<SearchDimension> space, int count, SeededRandom random, int firstId, int round = 1)
    {
        var trials = new List<TrialSpec>(count);
        for (int i = 0; i < count; i++)
        {
            var values = space.ToDictionary(d => d.Name, d => ParameterSampler.At(d, random.NextDouble()), StringComparer.Ordinal);
            trials.Add(new TrialSpec(firstId + i, values, NextSeed(random), round));
        }
        return trials;
    }

    /// <summary>Every combination, the first parameter varying slowest (as itertools.product).</summary>
    static IReadOnlyList<TrialSpec> Grid(SearchPlan plan)
    {
        var axes = plan.Space.Select(d => GridValues(d, plan.Points)).ToList();
        var random = new SeededRandom(plan.Seed);
        var trials = new List<TrialSpec>();
        var index = new int[axes.Count];
        while (true)
        {
            var values = plan.Space.Select((d, i) => (d.Name, axes[i][index[i]])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
            trials.Add(new TrialSpec(trials.Count, values, NextSeed(random)));
            int axis = axes.Count - 1;
            while (axis >= 0 && ++index[axis] == axes[axis].Count) index[axis--] = 0;
            if (axis < 0) return trials;
        }
    }

    /// <summary>A grid axis: each choice; `points` evenly spaced values of a range (log-spaced for
    /// `loguniform`); for `int`, every value when there are at most `points`, else `points`
    /// evenly spaced ones.</summary>
    public static IReadOnlyList<Value> GridValues(SearchDimension d, int points)
    {
        if (d.Kind == DistributionKind.Choice) return d.Choices;
        if (d.Kind == DistributionKind.Int)
        {
            long count = d.IntCount;
            return Enumerable.Range(0, (int)Math.Min(count, points))
                .Select(k => count <= points ? k : (long)Math.Round(k * (count - 1) / (double)(points - 1)))
                .Distinct()
                .Select(k => (Value)new NumberValue(d.Low + k * d.Step, true)).ToList();
        }
        return Enumerable.Range(0, points).Select(k => ParameterSampler.At(d, k / (double)(points - 1))).ToList();
    }

    static long NextSeed(SeededRandom random) => (long)(random.NextUInt64() & long.MaxValue);
}

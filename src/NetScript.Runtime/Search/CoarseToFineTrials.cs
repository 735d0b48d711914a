using System.Collections.Immutable;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>`coarse_to_fine`: `rounds` rounds of `trials` random trials. Round 1 searches the
/// block's ranges; each later round searches ranges narrowed (<see cref="Narrow"/>) to the
/// best trials of all rounds before it. A trial's values come from its own stream
/// (<see cref="TrialStreams"/>) mapped into its round's ranges.</summary>
public sealed class CoarseToFineTrials(SearchPlan plan) : ITrialSource
{
    /// <summary>Called with (round, its ranges) when a round's trials are first proposed.</summary>
    public Action<int, IReadOnlyList<SearchDimension>>? RoundStarted { get; init; }

    readonly HashSet<int> _announced = new();

    public int Total => plan.Trials * plan.Rounds;

    public IReadOnlyList<TrialSpec> Next(IReadOnlyDictionary<int, TrialResult> finished)
    {
        int first = Enumerable.Range(0, Total).FirstOrDefault(i => !finished.ContainsKey(i), -1);
        if (first < 0) return [];
        int round = first / plan.Trials + 1;
        IReadOnlyList<SearchDimension> space = plan.Space;
        for (int r = 1; r < round; r++)
            space = Narrow(space, [.. finished.Values.Where(t => t.Trial.Round <= r)], plan.Maximize);
        if (_announced.Add(round)) RoundStarted?.Invoke(round, space);
        return [.. Enumerable.Range((round - 1) * plan.Trials, plan.Trials).Where(i => !finished.ContainsKey(i)).Select(i =>
        {
            var random = TrialStreams.Values(plan.Seed, i);
            return new TrialSpec(i, space.ToDictionary(d => d.Name, d => ParameterSampler.At(d, random.NextDouble()), StringComparer.Ordinal),
                TrialStreams.Seed(plan.Seed, i), round);
        })];
    }

    /// <summary>The next round's ranges: for each range, the span of the best max(2, ⌈20%⌉) completed
    /// trials' values in the unit interval (log space for `loguniform`), widened by 10% of the
    /// current range on each side and at least 10% wide, within the current range; for a
    /// `choice`, the values the best trials took. Unchanged when no trial completed.</summary>
    public static IReadOnlyList<SearchDimension> Narrow(IReadOnlyList<SearchDimension> space, IReadOnlyList<TrialResult> trials, bool maximize)
    {
        var completed = TrialRanking.Rank(trials, maximize).Where(t => t.State == TrialState.Completed).ToList();
        if (completed.Count == 0) return space;
        var top = completed.Take(Math.Max(2, (int)Math.Ceiling(0.2 * completed.Count))).ToList();
        return [.. space.Select(d =>
        {
            if (d.Kind == DistributionKind.Choice)
                return d with { Choices = [.. d.Choices.Where(c => top.Any(t => t.Trial.Values[d.Name].Equals(c)))] };
            double[] units = [.. top.Select(t => Math.Clamp(ParameterSampler.UnitOf(d, t.Trial.Values[d.Name]), 0, 1))];
            double low = units.Min() - 0.1, high = units.Max() + 0.1;
            if (high - low < 0.1) (low, high) = ((low + high) / 2 - 0.05, (low + high) / 2 + 0.05);
            (low, high) = (Math.Max(0, low), Math.Min(1, high));
            return d.Kind switch
            {
                DistributionKind.Int => d with { Low = Number(ParameterSampler.At(d, low)), High = Number(ParameterSampler.At(d, Math.Min(high, Math.BitDecrement(1.0)))) },
                DistributionKind.LogUniform => d with { Low = Math.Exp(Math.Log(d.Low) + low * (Math.Log(d.High) - Math.Log(d.Low))), High = Math.Exp(Math.Log(d.Low) + high * (Math.Log(d.High) - Math.Log(d.Low))) },
                _ => d with { Low = d.Low + low * (d.High - d.Low), High = d.Low + high * (d.High - d.Low) },
            };
        })];
    }

    static double Number(Value value) => ((NumberValue)value).Number;

    /// <summary>"lr = loguniform(0.0012, 0.045); units = int(24, 64, step=8)".</summary>
    public static string Describe(IReadOnlyList<SearchDimension> space) => string.Join("; ", space.Select(d => d.ToString()));
}

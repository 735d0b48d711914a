using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>`bayes`: trials 0 … initial − 1 draw random values; after them, trials run in
/// batches of `batch` (1 by default), every trial of a batch proposed by
/// <see cref="TpeSampler"/> from the completed trials numbered before the batch, with its own
/// random stream (<see cref="TrialStreams"/>). Failed and pruned trials do not inform proposals.</summary>
public sealed class BayesTrials(SearchPlan plan) : ITrialSource
{
    public int Total => plan.Trials;

    public IReadOnlyList<TrialSpec> Next(IReadOnlyDictionary<int, TrialResult> finished)
    {
        int first = Enumerable.Range(0, Total).FirstOrDefault(i => !finished.ContainsKey(i), -1);
        if (first < 0) return [];
        int initial = Math.Min(plan.Initial, Total);
        if (first < initial)
            return [.. Enumerable.Range(first, initial - first).Where(i => !finished.ContainsKey(i)).Select(Random)];
        int start = initial + (first - initial) / plan.Batch * plan.Batch;
        var observed = finished.Values.Where(r => r.Id < start && r.State == TrialState.Completed)
            .Select(r => ((IReadOnlyDictionary<string, double>)plan.Space.ToDictionary(d => d.Name, d => ParameterSampler.UnitOf(d, r.Trial.Values[d.Name])),
                plan.Maximize ? -r.Score : r.Score))
            .ToList();
        return [.. Enumerable.Range(start, Math.Min(plan.Batch, Total - start)).Where(i => !finished.ContainsKey(i))
            .Select(i => observed.Count == 0 ? Random(i)
                : new TrialSpec(i, TpeSampler.Propose(plan.Space, observed, plan.Candidates, TrialStreams.Values(plan.Seed, i)), TrialStreams.Seed(plan.Seed, i)))];
    }

    TrialSpec Random(int id)
    {
        var random = TrialStreams.Values(plan.Seed, id);
        return new TrialSpec(id, plan.Space.ToDictionary(d => d.Name, d => ParameterSampler.At(d, random.NextDouble()), StringComparer.Ordinal),
            TrialStreams.Seed(plan.Seed, id));
    }
}

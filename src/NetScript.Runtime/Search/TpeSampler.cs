using NetScript.Data;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>The tree-structured Parzen estimator (Bergstra et al., 2011) with Optuna's
/// defaults, one parameter at a time (Optuna's independent sampler). The finished trials are
/// split into the best γ(n) = min(⌈0.1·n⌉, 25) and the rest; each side's values of a
/// parameter, placed in the unit interval (linear, or logarithmic for `loguniform`), become a
/// density l (best) and g (rest): Gaussians truncated to [0, 1] around every value plus a
/// prior one around 0.5 of width 1, each as wide as the larger gap to its neighbours, clipped
/// to [1 / min(100, n + 1), 1]; `int` and `choice` use weights per value (counts plus a prior
/// of 1 spread evenly). <c>candidates</c> values are drawn from l and the one with the
/// largest l/g runs.</summary>
public static class TpeSampler
{
    public static int Gamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>The next values from finished (units, score) pairs; lower scores are better
    /// (negate a maximized metric).</summary>
    public static Dictionary<string, Value> Propose(IReadOnlyList<SearchDimension> space,
        IReadOnlyList<(IReadOnlyDictionary<string, double> Units, double Loss)> observed, int candidates, SeededRandom random)
    {
        var ordered = observed.OrderBy(o => o.Loss).ToList();
        int best = Math.Max(1, Gamma(ordered.Count));
        var below = ordered.Take(best).ToList();
        var above = ordered.Skip(best).ToList();
        var values = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (SearchDimension d in space)
        {
            double[] l = [.. below.Select(o => o.Units[d.Name])], g = [.. above.Select(o => o.Units[d.Name])];
            int cells = d.Kind switch { DistributionKind.Choice => d.Choices.Length, DistributionKind.Int => (int)Math.Min(d.IntCount, int.MaxValue), _ => 0 };
            double chosen = cells is > 0 and <= 1000 ? ProposeCell(l, g, cells, candidates, random) : ProposeContinuous(l, g, candidates, random);
            values[d.Name] = ParameterSampler.At(d, chosen);
        }
        return values;
    }

    static double ProposeContinuous(double[] below, double[] above, int candidates, SeededRandom random)
    {
        var l = Parzen.Of(below);
        var g = Parzen.Of(above);
        double bestX = 0.5, bestScore = double.NegativeInfinity;
        for (int c = 0; c < candidates; c++)
        {
            double x = l.Sample(random);
            double score = l.LogDensity(x) - g.LogDensity(x);
            if (score > bestScore) (bestX, bestScore) = (x, score);
        }
        return Math.Clamp(bestX, 0, Math.BitDecrement(1.0));
    }

    static double ProposeCell(double[] below, double[] above, int cells, int candidates, SeededRandom random)
    {
        double[] Weights(double[] units)
        {
            var w = Enumerable.Repeat(1.0 / cells, cells).ToArray(); // the prior, weight 1 in all
            foreach (double u in units) w[Math.Min(cells - 1, (int)Math.Floor(u * cells))] += 1;
            double total = w.Sum();
            return [.. w.Select(v => v / total)];
        }
        double[] l = Weights(below), g = Weights(above);
        int bestCell = 0;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < candidates; c++)
        {
            double u = random.NextDouble(), sum = 0;
            int cell = 0;
            while (cell < cells - 1 && (sum += l[cell]) <= u) cell++;
            double score = Math.Log(l[cell]) - Math.Log(g[cell]);
            if (score > bestScore) (bestCell, bestScore) = (cell, score);
        }
        return (bestCell + 0.5) / cells;
    }
}

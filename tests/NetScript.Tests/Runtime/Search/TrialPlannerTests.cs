using NetScript.Data;
using NetScript.Language.Semantics;
using NetScript.Runtime.Search;
using static NetScript.Tests.Runtime.Search.SearchSpaces;

namespace NetScript.Tests.Runtime.Search;

/// <summary>The trial plans of `grid` and `random`, against hand-computed values, and the
/// reason random search exists: with one parameter that matters and one that does not, a
/// grid of N trials tries only √N values of the one that matters.</summary>
public sealed class TrialPlannerTests
{
    [Fact]
    public void A_grid_tries_every_combination_with_log_spaced_rates_and_the_first_parameter_slowest()
    {
        var plan = Plan("grid", 3, [Log("lr", 1e-4, 1e-2), Choice("act", new NameValue("relu"), new NameValue("tanh"))], arguments: ("points", 3));
        var trials = TrialPlanner.Plan(plan);
        Assert.Equal(6, trials.Count);
        Assert.Equal([1e-4, 1e-4, 1e-3, 1e-3, 1e-2, 1e-2], trials.Select(t => Number(t, "lr")), new ToleranceComparer(1e-15));
        Assert.Equal(["relu", "tanh", "relu", "tanh", "relu", "tanh"], trials.Select(t => ((NameValue)t.Values["act"]).Name));
        Assert.Equal([0, 1, 2, 3, 4, 5], trials.Select(t => t.Id));
        Assert.Equal(6, trials.Select(t => t.Seed).Distinct().Count());
    }

    [Fact]
    public void An_int_grid_takes_every_value_when_there_are_few_and_evenly_spaced_ones_otherwise()
    {
        Assert.Equal([8.0, 16, 24], TrialPlanner.GridValues(Int("u", 8, 24, step: 8), 5).Select(v => ((NumberValue)v).Number));
        // 0..100: 101 values, 5 points at indices 0, 25, 50, 75, 100.
        Assert.Equal([0.0, 25, 50, 75, 100], TrialPlanner.GridValues(Int("u", 0, 100), 5).Select(v => ((NumberValue)v).Number));
        Assert.Equal([0.1, 0.3, 0.5], TrialPlanner.GridValues(Uniform("p", 0.1, 0.5), 3).Select(v => ((NumberValue)v).Number), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Random_trials_are_drawn_up_front_from_the_seed_in_trial_order()
    {
        var space = new[] { Log("lr", 1e-4, 1e-1), Int("units", 8, 64, step: 8), Uniform("p", 0.1, 0.7) };
        var a = TrialPlanner.Plan(Plan("random", 11, space, arguments: ("trials", 20)));
        var b = TrialPlanner.Plan(Plan("random", 11, space, arguments: ("trials", 20)));
        var c = TrialPlanner.Plan(Plan("random", 12, space, arguments: ("trials", 20)));
        Assert.Equal(a.Select(t => (t.Seed, Number(t, "lr"), Number(t, "units"), Number(t, "p"))), b.Select(t => (t.Seed, Number(t, "lr"), Number(t, "units"), Number(t, "p"))));
        Assert.NotEqual(a.Select(t => t.Seed), c.Select(t => t.Seed));

        // By hand: trial 0 draws one u per dimension, then its seed, from SplitMix64(11).
        var random = new SeededRandom(11);
        double u0 = random.NextDouble(), u1 = random.NextDouble(), u2 = random.NextDouble();
        Assert.Equal(Math.Exp(Math.Log(1e-4) + u0 * (Math.Log(1e-1) - Math.Log(1e-4))), Number(a[0], "lr"), 15);
        Assert.Equal(8 + 8 * Math.Floor(u1 * 8), Number(a[0], "units"));
        Assert.Equal(0.1 + u2 * 0.6, Number(a[0], "p"), 15);
        Assert.Equal((long)(random.NextUInt64() & long.MaxValue), a[0].Seed);
        Assert.All(a, t => Assert.InRange(Number(t, "lr"), 1e-4, 1e-1));
    }

    [Fact]
    public void Random_beats_grid_in_expected_best_after_nine_trials_when_one_of_two_parameters_matters()
    {
        // f(x, y) = (x − 0.37)² + 0.001·y: x matters, y barely. A 3 × 3 grid tries x ∈ {0, 0.5, 1}
        // whatever the seed (best f ≥ 0.0169); nine random trials try nine values of x.
        static double F(TrialSpec t) => Math.Pow(Number(t, "x") - 0.37, 2) + 0.001 * Number(t, "y");
        var space = new[] { Uniform("x", 0, 1), Uniform("y", 0, 1) };
        double grid = TrialPlanner.Plan(Plan("grid", 1, space, arguments: ("points", 3))).Min(F);
        Assert.Equal(0.13 * 0.13, grid, 12);
        double random = Enumerable.Range(0, 200).Average(seed => TrialPlanner.Plan(Plan("random", seed, space, arguments: ("trials", 9))).Min(F));
        // Expected best of nine uniform x: E[min (x − 0.37)²] ≈ 0.0047 (plus 0.0005 of y).
        Assert.True(random < grid / 2, $"random {random:F4} vs grid {grid:F4}");
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}

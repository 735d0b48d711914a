using NetScript.Language.Semantics;
using NetScript.Runtime.Search;
using static NetScript.Tests.Runtime.Search.SearchSpaces;

namespace NetScript.Tests.Runtime.Search;

/// <summary>`bayes` (TPE) and `coarse_to_fine` on known functions, without training: the
/// trial sources are driven by hand with the function as each trial's score.</summary>
public sealed class SamplerTests
{
    // Branin-Hoo on [−5, 10] × [0, 15]; its minimum is 0.397887 (three global minima).
    static double Branin(TrialSpec t)
    {
        double x1 = Number(t, "x1"), x2 = Number(t, "x2");
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, s = 10, r = 6, tt = 1 / (8 * Math.PI);
        return Math.Pow(x2 - b * x1 * x1 + c * x1 - r, 2) + s * (1 - tt) * Math.Cos(x1) + s;
    }

    static readonly SearchDimension[] BraninSpace = [Uniform("x1", -5, 10), Uniform("x2", 0, 15)];

    /// <summary>Runs a source to the end with <paramref name="f"/> as every trial's score.</summary>
    static List<TrialResult> Drive(ITrialSource source, Func<TrialSpec, double> f)
    {
        var finished = new Dictionary<int, TrialResult>();
        while (source.Next(finished) is { Count: > 0 } batch)
            foreach (TrialSpec trial in batch)
                finished[trial.Id] = new TrialResult(trial, TrialState.Completed, f(trial), double.NaN, 0);
        return [.. finished.Values.OrderBy(r => r.Id)];
    }

    [Fact]
    public void Tpe_beats_random_search_in_mean_best_after_30_trials_on_Branin_over_20_seeds()
    {
        double tpe = 0, random = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            tpe += Drive(new BayesTrials(Plan("bayes", seed, BraninSpace, arguments: ("trials", 30))), Branin).Min(r => r.Score);
            random += Drive(new FixedTrials(TrialPlanner.Plan(Plan("random", seed, BraninSpace, arguments: ("trials", 30)))), Branin).Min(r => r.Score);
        }
        tpe /= 20;
        random /= 20;
        Assert.True(tpe < random, $"TPE {tpe:F3} vs random {random:F3}");
        Assert.True(tpe > 0.397887 - 1e-9, "nothing beats the global minimum");
    }

    [Fact]
    public void Bayes_proposes_the_same_trials_whether_run_one_at_a_time_or_resumed()
    {
        var plan = Plan("bayes", 4, BraninSpace, arguments: [("trials", 16), ("initial", 5), ("batch", 3)]);
        var whole = Drive(new BayesTrials(plan), Branin);
        Assert.Equal(Enumerable.Range(0, 16), whole.Select(r => r.Id));
        // A second source that starts from the first eight results proposes the same rest.
        var source = new BayesTrials(plan);
        var finished = whole.Take(8).ToDictionary(r => r.Id);
        var rest = new List<TrialSpec>();
        while (source.Next(finished) is { Count: > 0 } batch)
            foreach (TrialSpec t in batch)
            {
                rest.Add(t);
                finished[t.Id] = new TrialResult(t, TrialState.Completed, Branin(t), double.NaN, 0);
            }
        Assert.Equal(whole.Skip(8).Select(r => (r.Trial.Seed, Number(r.Trial, "x1"), Number(r.Trial, "x2"))), rest.Select(t => (t.Seed, Number(t, "x1"), Number(t, "x2"))));
    }

    [Fact]
    public void Tpe_gamma_is_optunas()
    {
        Assert.Equal([1, 1, 2, 3, 25, 25], new[] { 1, 10, 11, 30, 250, 1000 }.Select(TpeSampler.Gamma));
    }

    [Fact]
    public void Coarse_to_fine_narrows_the_second_rounds_ranges_around_the_optimum_in_log_space_for_log_ranges()
    {
        // Optimum at p = 0.3 and lr = 1e-3 (the middle decade of 1e-5 … 1e-1 in log space).
        static double F(TrialSpec t) => Math.Pow(Number(t, "p") - 0.3, 2) + 0.05 * Math.Pow(Math.Log10(Number(t, "lr")) + 3, 2);
        var rounds = new List<IReadOnlyList<SearchDimension>>();
        var plan = Plan("coarse_to_fine", 9, [Uniform("p", 0, 1), Log("lr", 1e-5, 1e-1), Choice("act", new NameValue("relu"), new NameValue("tanh"))],
            arguments: [("trials", 20), ("rounds", 3)]);
        var results = Drive(new CoarseToFineTrials(plan) { RoundStarted = (_, space) => rounds.Add(space) }, F);
        Assert.Equal(60, results.Count);
        Assert.Equal(3, rounds.Count);
        for (int r = 1; r < 3; r++)
        {
            SearchDimension p = rounds[r][0], lr = rounds[r][1];
            Assert.InRange(0.3, p.Low, p.High);
            Assert.InRange(1e-3, lr.Low, lr.High);
            Assert.True(p.High - p.Low < rounds[r - 1][0].High - rounds[r - 1][0].Low, $"round {r + 1} narrows p");
            Assert.True(Math.Log(lr.High / lr.Low) < Math.Log(rounds[r - 1][1].High / rounds[r - 1][1].Low), $"round {r + 1} narrows lr");
        }
        // Later rounds' trials lie inside their round's ranges.
        Assert.All(results.Where(t => t.Trial.Round == 2), t => Assert.InRange(Number(t.Trial, "p"), rounds[1][0].Low, rounds[1][0].High));
        Assert.True(results.Where(t => t.Trial.Round == 3).Min(t => t.Score) <= results.Where(t => t.Trial.Round == 1).Min(t => t.Score));
    }
}

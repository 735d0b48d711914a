namespace NetScript.Runtime.Search;

/// <summary>RUN/best.json: the best trial (number, values, seed, score, the std over folds — null
/// when the trials did not train on folds — and its models' weight files) and the ranked list of completed trials with their weight files —
/// what `ensemble MODEL top=k` reads to average the top trials without retraining.</summary>
public sealed record BestFile(string Metric, bool Maximize, int Trial, IReadOnlyDictionary<string, object> Values, long Seed,
    double Score, double? ScoreStd, IReadOnlyDictionary<string, string> Models, IReadOnlyList<BestFile.Ranked> Top)
{
    public sealed record Ranked(int Rank, int Trial, double Score, IReadOnlyDictionary<string, string> Models);

    public static BestFile Of(Language.Semantics.SearchPlan plan, TrialResult best, IReadOnlyList<TrialResult> ranked) =>
        new(plan.Metric, plan.Maximize, best.Id, best.Trial.Values.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)), best.Trial.Seed,
            best.Score, double.IsNaN(best.ScoreStd) ? null : best.ScoreStd, best.Models,
            [.. ranked.Where(r => r.State == TrialState.Completed).Select((r, i) => new Ranked(i + 1, r.Id, r.Score, r.Models))]);

    static object Plain(Language.Semantics.Value value) => value switch
    {
        Language.Semantics.NumberValue { IsInteger: true } n => (long)n.Number,
        Language.Semantics.NumberValue n => n.Number,
        _ => TrialValues.Format(value),
    };
}

using NetScript.Data;
using NetScript.Language.Semantics;
using NetScript.Runtime.Recording;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Search;

/// <summary>RUN/trials.parquet, long format: one row per epoch of every trial (per fold when
/// the trial trained on folds; a trial that never finished an epoch has one row with epoch
/// 0). Columns: trial, round, state, score, score_std, seed, seconds, message, one column
/// per parameter (numbers as reals, names and strings as text), fold, epoch and the
/// search metric after that epoch (`value`).</summary>
public static class TrialsTable
{
    public const string File = "trials.parquet";

    static readonly string[] Fixed = ["trial", "round", "state", "score", "score_std", "seed", "seconds", "message", "fold", "epoch", "value"];

    public static string Write(string runFolder, SearchPlan plan, IReadOnlyList<TrialResult> results)
    {
        var rows = results.OrderBy(r => r.Id)
            .SelectMany(r => (r.Epochs.Count == 0 ? [new TrialEpoch(0, 0, double.NaN)] : r.Epochs).Select(e => (r, e))).ToList();
        var columns = new List<ResultsColumn>
        {
            new("trial", Integer), new("round", Integer), new("state", Text), new("score", Real), new("score_std", Real),
            new("seed", Integer), new("seconds", Real), new("message", Text),
        };
        var values = new List<Array>
        {
            rows.Select(x => (long)x.r.Id).ToArray(), rows.Select(x => (long)x.r.Trial.Round).ToArray(),
            rows.Select(x => x.r.State.ToString().ToLowerInvariant()).ToArray(), rows.Select(x => x.r.Score).ToArray(),
            rows.Select(x => x.r.ScoreStd).ToArray(), rows.Select(x => x.r.Trial.Seed).ToArray(),
            rows.Select(x => x.r.WallSeconds).ToArray(), rows.Select(x => x.r.Message ?? "").ToArray(),
        };
        foreach (SearchDimension d in plan.Space)
        {
            string name = Fixed.Contains(d.Name) ? "param_" + d.Name : d.Name;
            bool numeric = d.Kind != DistributionKind.Choice || d.Choices.All(c => c is NumberValue);
            columns.Add(new(name, numeric ? Real : Text));
            values.Add(numeric
                ? rows.Select(x => TrialValues.Number(x.r.Trial.Values[d.Name])).ToArray()
                : rows.Select(x => TrialValues.Format(x.r.Trial.Values[d.Name])).ToArray());
        }
        columns.AddRange([new("fold", Integer), new("epoch", Integer), new("value", Real)]);
        values.AddRange([rows.Select(x => (long)x.e.Fold).ToArray(), rows.Select(x => (long)x.e.Epoch).ToArray(), rows.Select(x => x.e.Value).ToArray()]);
        string path = Path.Combine(runFolder, File);
        string temp = path + ".tmp";
        // The whole table is rewritten as the search goes on: built beside it, then renamed over it.
        System.IO.File.Delete(temp);
        var table = new RecordTable(temp, [.. columns]);
        for (int row = 0; row < rows.Count; row++) table.Add(values.Select(column => column.GetValue(row)).ToArray());
        table.Commit();
        System.IO.File.Move(temp, path, overwrite: true);
        return path;
    }
}

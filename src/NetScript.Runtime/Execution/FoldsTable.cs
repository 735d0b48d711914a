using NetScript.Data;
using NetScript.Runtime.Events;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Execution;

/// <summary>RUN/folds.parquet: one row per finished fold of every cross-validation in the run
/// (`model` is the cross-validation's name, as in summary.json), rewritten atomically after
/// each fold so a stopped run keeps the folds it finished. The validation figures are those
/// the fold ended with (its best epoch's when early stopping restored it).</summary>
internal static class FoldsTable
{
    public const string File = "folds.parquet";

    static readonly ResultsColumn[] Columns =
    [
        new("model", Text), new("fold", Integer), new("seed", Integer), new("rows_train", Integer), new("rows_val", Integer),
        new("loss", Real), new("accuracy", Real), new("val_loss", Real), new("val_accuracy", Real),
        new("epochs", Integer), new("best_epoch", Integer),
    ];

    public static void Write(RunFolder run, IEnumerable<RunSummary.CrossValidationSummary> validations)
    {
        var rows = validations.SelectMany(v => v.Results.Select(r => (v.Model, Result: r))).ToList();
        long[] Integers(Func<FoldResult, long> read) => rows.Select(r => read(r.Result)).ToArray();
        double[] Reals(Func<FoldResult, double> read) => rows.Select(r => read(r.Result)).ToArray();
        using var writer = new ResultsTableWriter(Path.Combine(run.Path, File), Columns);
        writer.WriteRowGroup(
        [
            rows.Select(r => r.Model).ToArray(),
            Integers(r => r.Fold), Integers(r => r.Seed), Integers(r => r.TrainRows), Integers(r => r.ValidationRows),
            Reals(r => r.Train.Loss), Reals(r => r.Train.Accuracy), Reals(r => r.Validation.Loss), Reals(r => r.Validation.Accuracy),
            Integers(r => r.EpochsRun), Integers(r => r.BestEpoch ?? r.EpochsRun),
        ]);
    }
}

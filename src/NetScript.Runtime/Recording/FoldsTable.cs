using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Recording;

/// <summary>RUN/folds.parquet: one row per finished fold of every cross-validation in the run
/// (`model` is the cross-validation's name, as in summary.json), appended (atomically) after
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

    /// <summary>Appends the fold just finished of cross-validation <paramref name="model"/>.</summary>
    public static void Append(RunFolder run, string model, FoldResult r)
    {
        var table = new RecordTable(Path.Combine(run.Path, File), Columns);
        table.Add(model, (long)r.Fold, r.Seed, r.TrainRows, r.ValidationRows, r.Train.Loss, r.Train.Accuracy, r.Validation.Loss,
            r.Validation.Accuracy, (long)r.EpochsRun, (long)(r.BestEpoch ?? r.EpochsRun));
        table.Commit();
    }
}

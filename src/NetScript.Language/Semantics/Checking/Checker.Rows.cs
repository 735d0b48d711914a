using NetScript.Language.Lowering;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>What the script's context decides before any compute: where its relative paths
/// start, and what row counts decide, where the counts are known (catalog
/// datasets, Parquet footers, splits of them): empty datasets, and a warmup that would not
/// end before the training does.</summary>
internal sealed partial class Checker
{
    /// <summary>False after reporting NS0741 when <paramref name="data"/> is known to be empty.</summary>
    bool HasRows(DatasetSymbol data, TextSpan span, string use)
    {
        if (data.Info.Rows is not 0) return true;
        _diagnostics.Report(DiagnosticCatalog.NoRows, span, data.Name, use);
        return false;
    }

    /// <summary>NS0723 when the schedule's warmup takes every update of the training: the
    /// runtime would refuse it, with the same numbers (<see cref="EpochSize"/>).</summary>
    bool WarmupEnds(TrainStep step, DatasetSymbol data, TextSpan span)
    {
        if (step.Schedule?.Warmup is not { } warmup || data.Info.Rows is not { } rows) return true;
        bool batchNorm = step.Plan.Layers.SelectMany(l => l.Descendants()).Any(l => l.Layer.Kind == "batchnorm");
        bool dropsLast = EpochSize.DropsLast(rows, step.Settings.BatchSize, step.Settings.Arguments.Flag("drop_last"), batchNorm);
        long perEpoch = EpochSize.Updates(rows, step.Settings.BatchSize, step.Settings.Accumulate, dropsLast);
        long total = step.Settings.Epochs * perEpoch;
        long updates = warmup.Updates(perEpoch);
        if (updates < total) return true;
        _diagnostics.Report(DiagnosticCatalog.WarmupTooLong, span, warmup, updates, step.Model, total);
        return false;
    }

    /// <summary>The folder relative paths in the script start from: the script's own (as Make and
    /// Ludwig resolve paths from their config file), or null — the current directory — for
    /// text without a file, such as a REPL submission.</summary>
    string? ScriptDirectory() => _source.Path.StartsWith('<') ? null : Path.GetDirectoryName(Path.GetFullPath(_source.Path));
}

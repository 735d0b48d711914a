using NetScript.Language.Diagnostics;

namespace NetScript.Language.Semantics;

internal sealed partial class Checker
{
    /// <summary>`ema=` and `swa=`: one average at a time, an SWA window inside the training,
    /// and SWA not with early stopping (checkpoints hold the average, so `resume=` continues it).</summary>
    bool CheckAveraging(TrainSettings settings, BoundArguments args)
    {
        if (settings.EmaWarmup && settings.Ema is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingArgument, args.SpanOf("ema_warmup")!.Value, "ema_warmup", "ema",
                "the decay the warmup rises to, e.g. `ema=0.999 ema_warmup=true`");
            return false;
        }
        string? kind = settings.Ema is not null ? "ema" : settings.Swa is not null ? "swa" : null;
        if (kind is null) return true;
        var at = args.SpanOf(kind)!.Value;
        string? other = null, reason = null;
        if (settings.Ema is not null && settings.Swa is not null)
            (other, reason) = ("swa", "the trained model is one average of the weights; pick the exponential (`ema=`) or the equal average of the last epochs (`swa=`)");
        else if (kind == "swa" && settings.EarlyStop is not null)
            (other, reason) = ("early_stop", "SWA averages the last epochs, and early stopping leaves unknown which epochs are the last; use `ema=` with early stopping");
        if (other is not null)
        {
            _diagnostics.Report(DiagnosticCatalog.WeightAveragingConflict, at, kind, other, reason!);
            return false;
        }
        if (settings.Swa is { } swa && swa > settings.Epochs)
        {
            _diagnostics.Report(DiagnosticCatalog.SwaLongerThanTraining, at, swa, settings.Epochs);
            return false;
        }
        return true;
    }
}

using NetScript.Language.Diagnostics;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Preprocessing leaks when the rows its statistics were fitted on are later used to
/// validate or evaluate: those rows then shaped the inputs of the model judged on them. The
/// check follows each dataset's lineage (what it was loaded as, which split parts it was cut
/// into), not statement order, so a training file loaded on its own can be fitted on.</summary>
internal sealed partial class Checker
{
    // Models whose `train` reported an error: `evaluate` stays quiet about them instead of
    // adding "evaluated before any train".
    readonly HashSet<string> _failedTrainings = new(StringComparer.Ordinal);

    /// <summary>Reports NS0401 and returns false when <paramref name="data"/> holds rows that an
    /// earlier `preprocess` fitted on and that the model did not train on
    /// (<paramref name="trainedOn"/>): evaluating on training rows leaks nothing new.</summary>
    bool CheckNoLeak(DatasetSymbol data, DatasetLineage? trainedOn, string use, TextSpan span)
    {
        foreach (PreprocessFit fit in _symbols.Fits)
        {
            if (!fit.Lineage.SharesRowsWith(data.Lineage)) continue;
            // Fitting on exactly the held-out split is the NS0505 lint's warning.
            if (fit.Lineage.Equals(data.Lineage)) continue;
            DatasetLineage shared = fit.Lineage.Links.Length > data.Lineage.Links.Length ? fit.Lineage : data.Lineage;
            if (trainedOn is not null && trainedOn.Contains(shared)) continue;
            _diagnostics.Report(DiagnosticCatalog.PreprocessLeak, span, use, fit.DefinedAt,
                data.Lineage.Describe(), fit.Lineage.Describe(), fit.Lineage.Links[0].Name);
            return false;
        }
        return true;
    }

    void CheckTrainStatement(Syntax.TrainStatement statement)
    {
        int steps = _steps.Count;
        CheckTrain(statement);
        if (_steps.Count == steps) _failedTrainings.Add(statement.Model.Text);
        else _failedTrainings.Remove(statement.Model.Text);
    }
}

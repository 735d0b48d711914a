using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

/// <summary>`kfold DATA k=K as FOLDS` and training on folds. Folds keep their source's rows as
/// they are at the `kfold` statement; preprocessing that fits statistics must come after it,
/// so that cross-validation can fit it on each fold's training part (scikit-learn's
/// pipeline-inside-cross_val_score) — folds of already standardized data would have every
/// held-out row inside the statistics.</summary>
internal sealed partial class Checker
{
    void CheckKfold(KfoldStatement statement)
    {
        bool free = CheckFree(statement.Alias);
        Poison([statement.Alias.Text]);
        DatasetSymbol? source = LookupDataset(statement.Source);
        var args = BindOrNull(StatementSchema.Kfold, statement.Arguments, statement.Keyword.Span);
        if (source is null || args is null || !free) return;

        int k = (int)args.Int("k");
        bool stratify = args.Flag("stratify");
        if (stratify && source.Info.IsRegression)
        {
            _diagnostics.Report(DiagnosticCatalog.StratifyRegression, args.SpanOf("stratify") ?? statement.Keyword.Span, source.Name);
            return;
        }
        // Split sizes are rounded here, so the runtime checks the exact count again.
        if (source.Info.Rows is { } rows && k > rows)
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentRange, args.SpanOf("k") ?? statement.Keyword.Span, "k", "kfold",
                $"at most {rows.ToString("N0", CultureInfo.InvariantCulture)} (the rows of `{source.Name}`; every fold holds out at least one)", k);
            return;
        }
        // `scale` fits nothing, so data scaled before the folds leaks nothing.
        var fitted = _symbols.Preprocessing.Where(p => p.Kind != PreprocessingSchema.Scale.Name).ToList();
        if (source.Preprocessed && fitted.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.KfoldOfPreprocessed, statement.Source.Span, source.Name, fitted[0].FitOn,
                string.Join(", ", fitted.Select(p => p.Kind).Distinct()));
            return;
        }
        long seed = args.OptionalInt("seed") ?? _symbols.Seed;
        var symbol = new FoldsSymbol(statement.Alias.Text, source.Name, source.Info, k, stratify, seed, _symbols.Preprocessing.Length, Where(statement.Alias.Span));
        Emit(new KfoldStep(symbol.Name, source.Name, k, stratify, seed, statement.Span), _symbols with
        {
            Datasets = _symbols.Datasets.Remove(symbol.Name), // the REPL may redefine a dataset's name as folds
            Folds = _symbols.Folds.SetItem(symbol.Name, symbol),
        });
    }

    /// <summary>The data of `train MODEL on DATA`: a dataset, or the folds of a `kfold`
    /// statement (then <paramref name="folds"/> is set and the symbol describes one fold's
    /// training part after the preprocessing fitted on it).</summary>
    DatasetSymbol? LookupTrainingData(Identifier name, out FoldsSymbol? folds)
    {
        folds = null;
        if (_symbols.Datasets.ContainsKey(name.Text) || !_symbols.Folds.TryGetValue(name.Text, out var found))
        {
            if (_symbols.Datasets.TryGetValue(name.Text, out var dataset)) return dataset;
            if (_poisoned.Contains(name.Text)) return null;
            ReportUnknown(name.Text, name.Span, "dataset", DiagnosticCatalog.UnknownDataset, _symbols.Datasets.Keys.Concat(_symbols.Folds.Keys));
            return null;
        }
        folds = found;
        var refit = _symbols.Preprocessing[found.PreprocessingFrom..];
        var info = found.Info with { Features = refit.IsEmpty ? found.Info.Features : refit[^1].Output!, Rows = found.TrainRows };
        return new DatasetSymbol(found.Name, info, found.Source, IsSplitPart: true, Preprocessed: !refit.IsEmpty, found.DefinedAt);
    }

    /// <summary>Options that cannot mean anything for k copies trained on folds.</summary>
    bool CheckFoldOptions(FoldsSymbol folds, BoundArguments args)
    {
        string training = $"training on the k-fold split `{folds.Name}`";
        if (args.SpanOf("validate") is { } validate)
            _diagnostics.Report(DiagnosticCatalog.ArgumentConflict, validate, "validate", $"{training} (each fold is validated on its own held-out part)");
        else if (args.SpanOf("resume") is { } resume)
            _diagnostics.Report(DiagnosticCatalog.ArgumentConflict, resume, "resume", $"{training} (every fold starts a fresh copy of the model)");
        else
            return true;
        return false;
    }

    CrossValidation CrossValidationOf(FoldsSymbol folds) =>
        new(folds.Name, folds.Source, folds.K, _symbols.Preprocessing[folds.PreprocessingFrom..]);

    /// <summary>An untrained model that was only cross-validated cannot be evaluated: which
    /// fold's copy would it be? (scikit-learn's cross_val_score leaves the estimator unfitted too.)</summary>
    bool ReportOnlyCrossValidated(ModelSymbol model, Identifier name)
    {
        if (model.CrossValidatedOn is not { } folds) return false;
        _diagnostics.Report(DiagnosticCatalog.ModelOnlyCrossValidated, name.Span, model.Name, folds.Name, folds.K, folds.Source);
        return true;
    }
}

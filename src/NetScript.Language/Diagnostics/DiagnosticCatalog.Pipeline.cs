namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PreprocessLeak =
        Error("NS0401", "Preprocessing fitted on evaluated rows",
            "`{0}` uses rows that the preprocessing of line {1} fitted its statistics on and the model did not train on: {2} shares rows with {3}. Statistics fitted on rows that are later validated or evaluated leak them into training; split first and fit on the training part only, e.g. `split {4} into train=0.8 val=0.2` then `preprocess fit=train`");

    public static readonly DiagnosticDescriptor ModelNotTrained =
        Error("NS0402", "Model not trained", "model `{0}` is evaluated before any `train {0} on …`");

    public static readonly DiagnosticDescriptor EmptyModel =
        Error("NS0403", "Empty model", "model `{0}` has no layers");

    public static readonly DiagnosticDescriptor SplitOfSplit =
        Error("NS0404", "Preprocessed data split", "`{0}` was already preprocessed; split before `preprocess` so statistics come from the training part only");

    public static readonly DiagnosticDescriptor KfoldOfPreprocessed =
        Error("NS0405", "Folds of preprocessed data",
            "`{0}` was already preprocessed with statistics fitted on `{1}` ({2}), which would leak every held-out fold into them; put `kfold` before `preprocess`, so each fold fits the statistics on its own training part");

    public static readonly DiagnosticDescriptor ModelOnlyCrossValidated =
        Error("NS0406", "Model only cross-validated",
            "model `{0}` was only cross-validated (`train {0} on {1}` trains {2} fresh copies to estimate how well it generalises, and keeps none of them); train it before evaluating, e.g. `train {0} on {3}`");

    public static readonly DiagnosticDescriptor EnsembleOfUntrained =
        Error("NS0450", "Ensemble of an untrained model",
            "`ensemble {0}` trains its members with the settings of `{0}`'s last training, and `{0}` has not been trained yet; train it first, e.g. `train {0} on train`");

    public static readonly DiagnosticDescriptor EnsembleSeeds =
        Error("NS0451", "Ensemble seeds", "`ensemble` needs distinct seeds, one per member, e.g. `seeds=[1, 2, 3]`: {0}");

    public static readonly DiagnosticDescriptor EnsembleExport =
        Error("NS0452", "Ensemble exported", "`{0}` is an ensemble of {1} models; `export` writes one model; {2}");

    public static readonly DiagnosticDescriptor EnsembleSnapshots =
        Error("NS0455", "Snapshot ensemble", "`snapshots={0}` {1}");

    public static readonly DiagnosticDescriptor EnsembleTop =
        Error("NS0456", "Ensemble of a search's top trials", "`top={0}` {1}");

    public static readonly DiagnosticDescriptor EnsembleMemberMissing =
        Error("NS0457", "Ensemble member not found",
            "`ensemble {0} top={1}` takes trial {2}'s `{0}`, and {3}");

    public static readonly DiagnosticDescriptor WeightAveragingConflict =
        Error("NS0453", "Weight averaging conflict", "`{0}` cannot be combined with `{1}`: {2}");

    public static readonly DiagnosticDescriptor SwaLongerThanTraining =
        Error("NS0454", "SWA longer than the training",
            "`swa={0}` averages the weights of the last {0} epochs, and the training has {1}; use at most `swa={1}` (a quarter of the epochs is usual)");
}

using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>A model known to the session. <see cref="InputShape"/> and <see cref="Loss"/> are
/// fixed by its first training run (null before).</summary>
public sealed record ModelSymbol(string Name, ModelDefinition Definition, Shape? InputShape, LossSettings? Loss, string DefinedAt)
{
    /// <summary>The top-k accuracy its training measured, which evaluation reports too.</summary>
    public int? TopK { get; init; }

    /// <summary>Its layers with shapes and parameter counts, from its first training run.</summary>
    public ModelSummary? Summary { get; init; }

    /// <summary>Its `regularize` block, for every later training (null: none).</summary>
    public RegularizationSettings? Regularization { get; init; }

    /// <summary>The C# metrics its training measured, which evaluation measures too.</summary>
    public ImmutableArray<SnippetUse> Metrics { get; init; } = [];

    /// <summary>The folds a `train MODEL on FOLDS` cross-validated it on while it was untrained
    /// (cross-validation trains copies and leaves the model itself untrained).</summary>
    public FoldsSymbol? CrossValidatedOn { get; init; }

    /// <summary>The rows of its latest training run, for the leak check of preprocessing (NS0401).</summary>
    public DatasetLineage? TrainedOn { get; init; }

    /// <summary>Set by `transfer`: frozen and replaced layers and rates for its next trainings.</summary>
    public Lowering.FineTuneSpec? FineTuning { get; init; }

    public bool Trained => InputShape is not null;
}

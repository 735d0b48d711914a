namespace NetScript.Language.Semantics;

public enum DurationUnit
{
    /// <summary>Passes over the training data.</summary>
    Epochs,

    /// <summary>Optimizer updates.</summary>
    Steps,
}

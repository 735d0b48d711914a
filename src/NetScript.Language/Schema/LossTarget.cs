namespace NetScript.Language.Schema;

/// <summary>What targets a loss compares the model's output with.</summary>
public enum LossTarget
{
    /// <summary>One class index per sample; the model outputs one score per class.</summary>
    Classes,

    /// <summary>0/1 per output: a two-class dataset with one output, or multi-label targets
    /// with one column per label.</summary>
    Binary,

    /// <summary>Multi-label 0/1 targets, one column per attribute (not mutually exclusive).</summary>
    MultiLabel,

    /// <summary>Real-valued targets of the output's shape (regression).</summary>
    Real,

    /// <summary>One class index per sample; the model outputs a hidden vector of any width and
    /// the loss owns the output layer (hierarchical softmax).</summary>
    ClassesFromHidden,
}

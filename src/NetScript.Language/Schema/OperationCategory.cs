namespace NetScript.Language.Schema;

public enum OperationCategory
{
    Statement,
    Dataset,
    Layer,
    Preprocessing,
    Optimizer,
    Loss,

    /// <summary>Weight initialisation schemes (<c>init kaiming</c> in a model block).</summary>
    Init,

    /// <summary>Groups of training settings written as calls (<c>early_stop(…)</c>).</summary>
    TrainingOption,
}

namespace NetScript.Language.Schema;

public enum OperationCategory
{
    Statement,
    Dataset,
    Layer,
    Preprocessing,
    Optimizer,
    Loss,
    Search,
    Distribution,
    Augmentation,

    /// <summary>Weight initialisation schemes (<c>init kaiming</c> in a model block).</summary>
    Init,
}

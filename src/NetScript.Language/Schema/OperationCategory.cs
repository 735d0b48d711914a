namespace NetScript.Language.Schema;

public enum OperationCategory
{
    Statement,
    Dataset,
    Layer,
    Preprocessing,
    Optimizer,
    Loss,
    Augmentation,
}

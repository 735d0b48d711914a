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
}

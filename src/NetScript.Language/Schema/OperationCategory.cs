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

    /// <summary>Learning-rate schedules (<c>schedule cosine warmup=1 epoch</c>).</summary>
    Schedule,

    /// <summary>Settings of a <c>regularize MODEL { … }</c> block (<c>weight_decay 1e-4</c>).</summary>
    Regularizer,
}

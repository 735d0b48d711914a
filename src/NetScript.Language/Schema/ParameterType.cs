namespace NetScript.Language.Schema;

public enum ParameterType
{
    /// <summary>A whole number (<c>128</c>).</summary>
    Integer,

    /// <summary>A real number (<c>1e-3</c>, <c>1/255</c>).</summary>
    Number,

    /// <summary>A flag: written bare (<c>stratify</c>) or as <c>name=true|false</c>.</summary>
    Flag,

    /// <summary>A quoted string (<c>"data/x.parquet"</c>).</summary>
    String,

    /// <summary>One of a fixed set of words (<see cref="ParameterSpec.Choices"/>).</summary>
    Choice,

    /// <summary>The name of a dataset or split defined earlier.</summary>
    Dataset,

    /// <summary>A list of values (<c>[1, 2, 3]</c>); the description says of what.</summary>
    List,

    /// <summary>A layer pattern (<c>conv*</c>, <c>dense:last</c>).</summary>
    Pattern,

    /// <summary>A metric name: <c>val_acc</c>, <c>val_loss</c>, <c>train_loss</c>, or a
    /// <c>metric</c> defined in the script prefixed the same way.</summary>
    Metric,

    /// <summary>A call-style option group: <c>early_stop(metric=val_acc, patience=3)</c>, or
    /// the bare name for all defaults (<see cref="ParameterSpec.Nested"/>).</summary>
    Options,
    /// <summary>A name from outside the script, bare or quoted: a column (<c>label=y</c>).</summary>
    Name,

    /// <summary>A list of names (<c>features=[x1, x2]</c>); one bare name means a list of one.</summary>
    NameList,

    /// <summary>A list of whole numbers (<c>shape=[1, 28, 28]</c>); one number means a list of one.</summary>
    IntegerList,
    /// <summary>An operation of <see cref="ParameterSpec.Category"/>, bare or called with its
    /// own arguments: <c>loss=cross_entropy</c>, <c>loss=huber(delta=0.5)</c>. Binds to the
    /// chosen operation's <see cref="Semantics.BoundArguments"/>.</summary>
    Operation,

    /// <summary>A length of training: a quantity in epochs or optimizer steps (<c>1 epoch</c>,
    /// <c>500 steps</c>), bound to a <see cref="Semantics.Duration"/>.</summary>
    Duration,
}

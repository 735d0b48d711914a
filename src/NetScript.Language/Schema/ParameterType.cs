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
}

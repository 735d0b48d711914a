namespace NetScript.Language.Lowering;

/// <summary>The activation a Kaiming init's gain is computed for.</summary>
public enum Nonlinearity
{
    Relu,
    LeakyRelu,
}

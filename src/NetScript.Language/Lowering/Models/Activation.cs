namespace NetScript.Language.Lowering;

/// <summary>The activations without arguments (<see cref="Schema.ActivationSchema"/>).</summary>
public enum Activation
{
    Sigmoid,
    Tanh,
    Relu,
    Selu,
}

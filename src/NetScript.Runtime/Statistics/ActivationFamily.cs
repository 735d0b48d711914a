using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics;

/// <summary>What a layer's outputs can tell: rectifiers output exact zeros and can die;
/// squashing units saturate in their flat tails; the rest get the common statistics only.</summary>
public enum ActivationFamily
{
    Other,
    Rectifier,
    Tanh,
    Sigmoid,
}

public static class ActivationFamilies
{
    /// <summary>By module type, so layers the engine adds later are classified in one place.
    /// Leaky variants, ELU and GELU never output an exact zero for a unit that is alive,
    /// so only the true rectifiers count dead units.</summary>
    public static ActivationFamily Of(nn.Module module) => module.GetType().Name switch
    {
        "ReLU" or "ReLU6" => ActivationFamily.Rectifier,
        "Tanh" => ActivationFamily.Tanh,
        "Sigmoid" => ActivationFamily.Sigmoid,
        _ => ActivationFamily.Other,
    };

    /// <summary>The fixed output range of a bounded unit (the histogram's axis), or null when
    /// the range follows the data.</summary>
    public static (double Lower, double Upper)? Range(this ActivationFamily family) => family switch
    {
        ActivationFamily.Tanh => (-1, 1),
        ActivationFamily.Sigmoid => (0, 1),
        _ => null,
    };

    public static bool Saturates(this ActivationFamily family) => family is ActivationFamily.Tanh or ActivationFamily.Sigmoid;
}

using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Random erasing of a rectangle of random area and aspect ratio.</summary>
public sealed record EraseAugmentation(double P, double AreaMin, double AreaMax, double RatioMin, double RatioMax, double Value) : AugmentationSpec(AugmentationSchema.Erase.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("p", P), ("area_min", AreaMin), ("area_max", AreaMax), ("ratio_min", RatioMin), ("ratio_max", RatioMax), ("value", Value)];
}

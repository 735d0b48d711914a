namespace NetScript.Tests;

/// <summary>A fact that reads the installed Fashion-MNIST package: skipped, with the reason,
/// where the package is absent.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute() => Skip = Requirements.FashionMnistMissing;
}

namespace NetScript.Tests;

/// <summary>A theory whose every case reads the installed Fashion-MNIST package: skipped, with
/// the reason, where the package is absent.</summary>
public sealed class FashionMnistTheoryAttribute : TheoryAttribute
{
    public FashionMnistTheoryAttribute() => Skip = Requirements.FashionMnistMissing;
}

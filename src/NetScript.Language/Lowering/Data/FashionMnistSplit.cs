namespace NetScript.Language.Lowering;

/// <summary>Fashion-MNIST's 60,000 training or 10,000 test images.</summary>
public enum FashionMnistSplit
{
    Train,
    Test,
}

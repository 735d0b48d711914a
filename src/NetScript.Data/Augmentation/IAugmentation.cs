using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>A random transformation of a batch of images (B, C, H, W) → (B, C, H, W). Every
/// random number is drawn from the generator passed in, so a seeded generator makes the
/// result reproducible. The input is not modified.</summary>
public interface IAugmentation
{
    string Kind { get; }

    Tensor Apply(Tensor batch, Generator generator);
}

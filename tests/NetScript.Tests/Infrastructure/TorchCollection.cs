namespace NetScript.Tests;

/// <summary>Tests that touch libtorch (or spawn heavy processes) share one collection so they
/// never run in parallel with each other: libtorch's global state (seed, threads) is shared.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "libtorch";
}

namespace NetScript.Runtime.Training;

/// <summary>A model's weights (and its loss's) at the end of one epoch, as validation measured
/// them: a member of a snapshot ensemble.</summary>
public sealed record EpochWeights(int Epoch, WeightSnapshot Model, WeightSnapshot Loss) : IDisposable
{
    public void Dispose()
    {
        Model.Dispose();
        Loss.Dispose();
    }
}

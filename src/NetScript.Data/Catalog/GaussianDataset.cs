namespace NetScript.Data;

/// <summary>Unit-Gaussian input: every value of every sample drawn from N(0, 1), labels drawn
/// uniformly from the classes (so there is nothing to learn but the scale is known). The same
/// seed gives the same table.</summary>
public static class GaussianDataset
{
    /// <summary>The largest table generated (values), about 1 GB of float32.</summary>
    public const long MaxValues = 1L << 28;

    public static void Validate(int features, int rows)
    {
        if ((long)features * rows > MaxValues)
            throw new DataException($"{rows:N0} rows of {features:N0} features are {(long)features * rows:N0} values; the limit is {MaxValues:N0}");
    }

    public static TensorDataset Generate(int features, int rows, int classes, long seed)
    {
        Validate(features, rows);
        var random = new SeededRandom(seed);
        var values = new float[(long)features * rows];
        for (long i = 0; i < values.LongLength; i++) values[i] = (float)random.NextGaussian();
        var labels = new long[rows];
        for (int r = 0; r < rows; r++) labels[r] = random.NextInt(classes);
        return TensorDataset.FromArrays(values, [features], labels, classes);
    }
}

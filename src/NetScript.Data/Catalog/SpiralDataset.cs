namespace NetScript.Data;

/// <summary>The classic 2-D spiral of CS231n: <c>classes</c> arms of <c>points</c> points;
/// arm j has radius r = linspace(0, 1) and angle t = linspace(4j, 4(j+1)) + N(0, noise²),
/// giving x = (r sin t, r cos t). Not linearly separable; a 100-unit ReLU layer fits it.</summary>
public static class SpiralDataset
{
    public static readonly long[] SampleShape = [2];

    public static TensorDataset Generate(int classes, int points, double noise, long seed)
    {
        var random = new SeededRandom(seed);
        var features = new float[classes * points * 2];
        var labels = new long[classes * points];
        for (int j = 0; j < classes; j++)
        {
            for (int i = 0; i < points; i++)
            {
                double fraction = points == 1 ? 0 : (double)i / (points - 1);
                double radius = fraction;
                double angle = 4.0 * j + 4.0 * fraction + random.NextGaussian() * noise;
                int row = j * points + i;
                features[2 * row] = (float)(radius * Math.Sin(angle));
                features[2 * row + 1] = (float)(radius * Math.Cos(angle));
                labels[row] = j;
            }
        }
        return TensorDataset.FromArrays(features, SampleShape, labels, classes);
    }
}

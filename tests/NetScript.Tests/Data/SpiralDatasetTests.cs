using NetScript.Data;

namespace NetScript.Tests.Data;

[Collection(TorchCollection.Name)]
public sealed class SpiralDatasetTests
{
    [Fact]
    public void Without_noise_points_lie_on_the_arms_of_the_CS231n_formula()
    {
        using var data = SpiralDataset.Generate(classes: 3, points: 5, noise: 0, seed: 1);
        float[] x = data.Features.data<float>().ToArray();
        Assert.Equal([15L, 2L], data.Features.shape);
        Assert.Equal([0L, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2], data.LabelArray());
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 5; i++)
            {
                double r = i / 4.0, t = 4.0 * j + 4.0 * r; // r = linspace(0,1), t = linspace(4j, 4j+4)
                int row = j * 5 + i;
                Assert.Equal(r * Math.Sin(t), x[2 * row], 1e-6);
                Assert.Equal(r * Math.Cos(t), x[2 * row + 1], 1e-6);
            }
        }
    }

    [Fact]
    public void The_seed_fixes_the_noise()
    {
        using var a = SpiralDataset.Generate(3, 50, 0.2, seed: 5);
        using var b = SpiralDataset.Generate(3, 50, 0.2, seed: 5);
        using var c = SpiralDataset.Generate(3, 50, 0.2, seed: 6);
        Assert.Equal(a.Features.data<float>().ToArray(), b.Features.data<float>().ToArray());
        Assert.NotEqual(a.Features.data<float>().ToArray(), c.Features.data<float>().ToArray());
    }
}

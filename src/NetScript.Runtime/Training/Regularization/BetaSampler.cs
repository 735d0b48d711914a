using NetScript.Data;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>λ ~ Beta(α, α) for Mixup and CutMix, drawn on the host (no device sync) from a
/// seeded generator: Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), each drawn
/// by Marsaglia and Tsang's method.</summary>
internal static class BetaSampler
{
    public static double Sample(SeededRandom random, double alpha, double beta)
    {
        double x = Gamma(random, alpha), y = Gamma(random, beta);
        // Only for tiny α do both underflow; Beta(α, α) then sits at 0 or 1 with equal odds.
        return x + y > 0 ? x / (x + y) : random.NextDouble() < 0.5 ? 0 : 1;
    }

    static double Gamma(SeededRandom random, double shape)
    {
        if (shape < 1) // Gamma(a) = Gamma(a + 1) · U^(1/a)
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.NextGaussian();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}

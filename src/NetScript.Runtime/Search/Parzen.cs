using NetScript.Data;

namespace NetScript.Runtime.Search;

/// <summary>An equally weighted mixture of Gaussians truncated to [0, 1] (TpeSampler's density
/// of one parameter): one around each observed value and a prior one (mean 0.5, width 1).</summary>
internal sealed class Parzen
{
    readonly double[] _mu;
    readonly double[] _sigma;

    Parzen(double[] mu, double[] sigma) => (_mu, _sigma) = (mu, sigma);

    public static Parzen Of(double[] observed)
    {
        double[] mu = [.. observed.Append(0.5).Order()];
        double low = 1.0 / Math.Min(100, observed.Length + 1);
        var sigma = new double[mu.Length];
        for (int i = 0; i < mu.Length; i++)
        {
            double left = i > 0 ? mu[i] - mu[i - 1] : mu[i];
            double right = i < mu.Length - 1 ? mu[i + 1] - mu[i] : 1 - mu[i];
            sigma[i] = Math.Clamp(Math.Max(left, right), low, 1.0);
        }
        // The prior keeps its full width.
        int prior = Array.IndexOf(mu, 0.5);
        sigma[prior] = 1.0;
        return new Parzen(mu, sigma);
    }

    public double Sample(SeededRandom random)
    {
        int k = random.NextInt(_mu.Length);
        while (true)
        {
            double x = _mu[k] + _sigma[k] * random.NextGaussian();
            if (x is >= 0 and <= 1) return x;
        }
    }

    public double LogDensity(double x)
    {
        double sum = 0;
        for (int k = 0; k < _mu.Length; k++)
        {
            double z = (x - _mu[k]) / _sigma[k];
            double mass = Phi((1 - _mu[k]) / _sigma[k]) - Phi(-_mu[k] / _sigma[k]);
            sum += Math.Exp(-0.5 * z * z) / (_sigma[k] * Math.Sqrt(2 * Math.PI) * mass);
        }
        return Math.Log(sum / _mu.Length);
    }

    static double Phi(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7).
    static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }
}

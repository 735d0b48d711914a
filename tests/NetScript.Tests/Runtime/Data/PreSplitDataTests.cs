using System.Globalization;
using NetScript.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Data;

/// <summary>Data that comes split into a training file and a test file (data/wine_*): the
/// statistics are fitted on the training file alone, and equal a reference computed here in
/// double precision from the CSV text (mean, population deviation, covariance eigenvalues by
/// Jacobi rotations), whether the files are read as CSV or Parquet.</summary>
[Collection(TorchCollection.Name)]
public sealed class PreSplitDataTests
{
    static string DataFile(string name) => Path.Combine(RepoPaths.Root, "data", name);

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Statistics_come_from_the_training_file_and_match_a_reference(string kind)
    {
        string script = $"""
            load {kind} "{DataFile("wine_train." + kind)}" label=label as train
            load {kind} "{DataFile("wine_test." + kind)}" label=label as test
            preprocess {"{"} standardize; pca 3 {"}"}
            """;
        using var workspace = new Workspace();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "wine.nns", script);
        var result = Pipelines.Execute(script, workspace, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var state = PreprocessingState.FromJson(File.ReadAllText(Path.Combine(folder.Path, "preprocessing.json")));

        double[][] train = ReadCsv(DataFile("wine_train.csv"));
        int d = train[0].Length;
        double[] mean = Enumerable.Range(0, d).Select(j => train.Average(r => r[j])).ToArray();
        double[] std = Enumerable.Range(0, d).Select(j => Math.Sqrt(train.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        Assert.Equal(mean, state.Transforms[0].Tensors["mean"].Values.Select(v => (double)v), new Relative(1e-5));
        Assert.Equal(std, state.Transforms[0].Tensors["std"].Values.Select(v => (double)v), new Relative(1e-5));

        double[][] z = train.Select(r => r.Select((x, j) => (x - mean[j]) / (std[j] + 1e-8)).ToArray()).ToArray();
        double[] eigenvalues = JacobiEigenvalues(Covariance(z)).OrderDescending().Take(3).ToArray();
        Assert.Equal(eigenvalues, state.Transforms[1].Tensors["variances"].Values.Select(v => (double)v), new Relative(1e-4));

        // Both files are mapped with the training file's statistics: [N, 3] each.
        Assert.Equal([60L, 3], workspace.Dataset("train").Features.shape);
        Assert.Equal([30L, 3], workspace.Dataset("test").Features.shape);
    }

    static double[][] ReadCsv(string path) => File.ReadLines(path).Skip(1)
        .Select(line => line.Split(',')[..^1].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    static double[,] Covariance(double[][] x)
    {
        int n = x.Length, d = x[0].Length;
        double[] mean = Enumerable.Range(0, d).Select(j => x.Average(r => r[j])).ToArray();
        var c = new double[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                c[a, b] = x.Sum(r => (r[a] - mean[a]) * (r[b] - mean[b])) / n;
        return c;
    }

    /// <summary>Cyclic Jacobi rotations until the off-diagonal vanishes (a symmetric matrix).</summary>
    static double[] JacobiEigenvalues(double[,] m)
    {
        int d = m.GetLength(0);
        var a = (double[,])m.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < d; p++)
                for (int q = p + 1; q < d; q++)
                    off += a[p, q] * a[p, q];
            if (off < 1e-24) break;
            for (int p = 0; p < d; p++)
                for (int q = p + 1; q < d; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < d; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                }
        }
        return Enumerable.Range(0, d).Select(i => a[i, i]).ToArray();
    }

    sealed class Relative(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double value) => 0;
    }
}

using NetScript.Cli;
using NetScript.Data;
using NetScript.Language.Semantics;

namespace NetScript.Tests.Cli;

/// <summary>Every script in scripts/ passes `netscript check` (names, arguments, shapes against
/// the real datasets), without training: the Fashion-MNIST runs take minutes to hours and live
/// under tools/. The Fashion-MNIST scripts need the Debian package, which .ci/run installs.</summary>
[Collection(TorchCollection.Name)]
public sealed class ShippedScriptsTests
{
    public static IEnumerable<object[]> Shipped() => ScriptFiles(fashion: false);

    public static IEnumerable<object[]> ShippedOnFashionMnist() => ScriptFiles(fashion: true);

    static IEnumerable<object[]> ScriptFiles(bool fashion) =>
        Directory.EnumerateFiles(RepoPaths.Scripts, "*.nns", SearchOption.AllDirectories).Order()
            .Where(p => Path.GetFileName(p).StartsWith("fashion_", StringComparison.Ordinal) == fashion)
            .Select(p => new object[] { Path.GetRelativePath(RepoPaths.Scripts, p) });

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Checks_without_errors_or_warnings(string name) => CheckClean(name);

    [FashionMnistTheory]
    [MemberData(nameof(ShippedOnFashionMnist))]
    public void Checks_without_errors_or_warnings_on_fashion_mnist(string name) => CheckClean(name);

    static void CheckClean(string name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(["check", Path.Combine(RepoPaths.Scripts, name)], CancellationToken.None);
        Assert.True(code == 0, stderr.ToString());
        Assert.Matches($@"{name}: ok \(\d+ statements, 0 warnings\)\n$", stdout.ToString());
    }

    [FashionMnistFact]
    public void The_fashion_cnn_has_the_documented_shapes_and_parameter_count()
    {
        var compilation = Language.Semantics.CheckerGoldenTests.Check(File.ReadAllText(Path.Combine(RepoPaths.Scripts, "fashion_cnn.nns")));
        Assert.False(compilation.HasErrors);
        ModelPlan plan = compilation.Program!.Steps.OfType<TrainStep>().Single().Plan;
        Assert.Equal(["[32, 14, 14]", "[64, 7, 7]", "[3136]"],
            plan.Layers.Where(l => l.Layer.Kind is "maxpool" or "flatten").Select(l => l.Output.ToString()));
        long expected = (32 * 9 + 32) + 2 * 32                // conv 32 (1 input channel), batchnorm
            + (64 * 32 * 9 + 64) + 2 * 64                      // conv 64, batchnorm
            + (3136 * 256 + 256) + (256 * 10 + 10);            // dense 256, dense 10
        Assert.Equal(expected, plan.Parameters);
    }
}

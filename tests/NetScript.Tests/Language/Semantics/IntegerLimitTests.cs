using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Tests.Language.Syntax;

namespace NetScript.Tests.Language.Semantics;

/// <summary>Integers never wrap: every integer argument states its largest value in the schema,
/// a value past it is NS0210 ("too large", with the limit), exact integers written with an
/// exponent are integers, and values echoed in messages are cut as source lines are.</summary>
public sealed class IntegerLimitTests
{
    [Fact]
    public void Every_integer_argument_states_a_limit_that_a_32_bit_size_or_a_seed_holds()
    {
        var unbounded = SchemaCatalogLimits.Parameters()
            .Where(p => p.Parameter.Type is ParameterType.Integer or ParameterType.IntegerList or ParameterType.Duration)
            .Where(p => p.Parameter.Max is not { } max || max > Limits.Seed || p.Parameter.Min is { } min && min < -Limits.Steps)
            .Select(p => $"{p.Owner.Name}.{p.Parameter.Name}")
            .ToList();
        Assert.Empty(unbounded);
    }

    [Theory]
    [InlineData("train m on d epochs=3000000000", "`epochs` of `train` is too large: the limit is 1000000, got 3000000000")]
    [InlineData("train m on d batch=4000000000", "`batch` of `train` is too large: the limit is 1000000, got 4000000000")]
    [InlineData("train m on d epochs=1000001", "`epochs` of `train` is too large: the limit is 1000000, got 1000001")]
    [InlineData("train m on d epochs=1e999", "`epochs` of `train` is too large: the limit is 1000000, got `1e999`, a number too large to represent")]
    public void A_count_past_its_limit_is_too_large(string train, string message)
    {
        var compilation = CheckerGoldenTests.Check("load dataset \"spiral\" as d\nmodel m { dense 3 }\n" + train + "\n");
        Diagnostic error = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("NS0210", message), (error.Id, error.Message));
    }

    [Fact]
    public void The_limit_itself_is_accepted()
    {
        var compilation = CheckerGoldenTests.Check("load dataset \"spiral\" as d\nmodel m { dense 3 }\ntrain m on d epochs=1000000 batch=1000000\n");
        Assert.False(compilation.HasErrors, DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        TrainStep train = compilation.Program!.Steps.OfType<TrainStep>().Single();
        Assert.Equal((1_000_000, 1_000_000), (train.Settings.Epochs, train.Settings.BatchSize));
    }

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("2.5e2", 250)]
    [InlineData("1E2", 100)]
    public void An_exact_integer_written_with_an_exponent_is_an_integer(string written, int units)
    {
        var compilation = CheckerGoldenTests.Check($"load dataset \"spiral\" as d\nmodel m {{ dense {written} -> relu; dense 3 }}\ntrain m on d epochs=1\n");
        Assert.False(compilation.HasErrors, DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        Assert.Equal(Shape.Of(units), compilation.Program!.Steps.OfType<TrainStep>().Single().Plan.Layers[0].Output);
    }

    [Fact]
    public void A_fraction_written_with_an_exponent_is_not_an_integer()
    {
        var compilation = CheckerGoldenTests.Check("load dataset \"spiral\" as d\nmodel m { dense 1e-3 }\n");
        Diagnostic error = Assert.Single(compilation.Diagnostics);
        Assert.Equal("`units` of `dense` expects an integer, got `1e-3`, which is not a whole number", error.Message);
    }

    [Fact]
    public void A_huge_number_or_name_is_cut_in_the_message()
    {
        string digits = new('9', 1_000_000);
        string name = new('x', 1_000_000);
        var compilation = CheckerGoldenTests.Check($"load dataset \"spiral\" as d\nmodel m {{ dense {digits} }}\ntrain {name} on d\n");
        Assert.Equal(2, compilation.Diagnostics.Length);
        Assert.All(compilation.Diagnostics, d => Assert.True(d.Message.Length < 1100, d.Message[..Math.Min(d.Message.Length, 2000)]));
        Assert.StartsWith("`units` of `dense` is too large: the limit is 1000000, got `999", compilation.Diagnostics[0].Message);
        Assert.Matches(@"`9{699}…\(999,135 characters\)…9{166}`, a number too large to represent$", compilation.Diagnostics[0].Message);
        Assert.All(compilation.Diagnostics, d => Assert.True(DiagnosticFormatter.Format(d).Length < 1600));
    }
}

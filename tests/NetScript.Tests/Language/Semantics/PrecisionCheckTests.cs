using NetScript.Language;
using NetScript.Language.Lowering;
using NetScript.Language.Text;
using NetScript.Runtime;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Semantics;

/// <summary>`precision=bf16` is checked against the CPU (NS0711) when the host knows it, and
/// reaches the training plan.</summary>
public sealed class PrecisionCheckTests
{
    const string Script = "load dataset \"spiral\" as d\nmodel m { dense 8 -> relu; dense 3 }\ntrain m on d precision=bf16\n";

    static Compilation Check(bool? bfloat16) =>
        Compilation.Create(SourceText.From(Script, "bf16.nns"), new CompilationOptions(new CatalogResolver()) { BFloat16 = bfloat16 });

    [Fact]
    public void A_cpu_without_bf16_instructions_gets_a_warning_at_the_precision_argument()
    {
        var compilation = Check(bfloat16: false);
        var warning = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("NS0711", 3, 24), (warning.Id, warning.Location!.Value.Line, warning.Location.Value.Column));
        Assert.Contains("AVX-512 BF16 or AMX", warning.Message, StringComparison.Ordinal);
        Assert.False(compilation.HasErrors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void A_cpu_with_bf16_or_an_unknown_one_checks_quietly_and_the_plan_says_bf16(bool? bfloat16)
    {
        var compilation = Check(bfloat16);
        Assert.Empty(compilation.Diagnostics);
        var plan = Lowerer.Lower(compilation.Program!).Steps.OfType<TrainPlan>().Single();
        Assert.Equal(Precision.Bf16, plan.Precision);
    }

    [Fact]
    public void The_cpu_flags_say_bf16_when_they_name_avx512_bf16_or_amx_bf16()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "processor\t: 0\nflags\t\t: fpu sse2 avx512f avx512_bf16 amx_tile\n\nprocessor\t: 1\nflags\t\t: fpu\n");
            Assert.True(CpuFeatures.HasFlag(CpuFeatures.ReadFlags(file), "avx512_bf16", "amx_bf16"));
            File.WriteAllText(file, "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\n");
            Assert.False(CpuFeatures.HasFlag(CpuFeatures.ReadFlags(file), "avx512_bf16", "amx_bf16"));
            Assert.Null(CpuFeatures.HasFlag(CpuFeatures.ReadFlags(file + ".missing"), "avx512_bf16"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

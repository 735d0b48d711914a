using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Tests.Language.Semantics;

public sealed class CheckerTests
{
    /// <summary>Describes every dataset as 1×4×4 images with 3 classes.</summary>
    sealed class ImageResolver : IDatasetResolver
    {
        public DatasetInfo? Describe(DataSourceSpec source, out string? error)
        {
            error = null;
            return new DatasetInfo(Shape.Of(1, 4, 4), 3, 100);
        }
    }

    [Fact]
    public void A_dense_layer_on_images_points_at_the_layer_with_both_shapes()
    {
        const string text = "load dataset \"spiral\" as d\nsplit d into train=0.5 val=0.5\nmodel m {\n  dense 8 -> relu\n  dense 3\n}\ntrain m on train\n";
        var compilation = Compilation.Create(SourceText.From(text, "img.nns"), new CompilationOptions(new ImageResolver()));
        var error = Assert.Single(compilation.Diagnostics);
        Assert.Equal("NS0302", error.Id);
        Assert.Equal(new TextLocation(4, 3), error.Location);
        Assert.Equal("`dense1` cannot take input of shape [1, 4, 4]: `dense` needs a flat input (one dimension); add `flatten` before it", error.Message);
    }

    [Fact]
    public void A_program_is_withheld_while_errors_exist()
    {
        var compilation = CheckerGoldenTests.Check("seed 1\nmodel m { dense 3 }\ntrain m on nowhere\n");
        Assert.True(compilation.HasErrors);
        Assert.Null(compilation.Program);
    }

    [Fact]
    public void Submissions_chain_symbols_like_a_repl()
    {
        var options = new CompilationOptions(new NetScript.Runtime.Data.CatalogResolver(), AllowRedefinition: true);
        var first = Compilation.Create(SourceText.From("load dataset \"spiral\" as d\nsplit d into train=0.5 val=0.5", "<repl:1>"), options);
        Assert.False(first.HasErrors);
        var second = Compilation.Create(SourceText.From("model m { dense 3 }\ntrain m on train", "<repl:2>"), options, first.Program!.SymbolsAfterAll);
        Assert.False(second.HasErrors, DiagnosticFormatter.FormatAll(second.Diagnostics));
        var third = Compilation.Create(SourceText.From("model m { dense 4 -> relu; dense 3 }", "<repl:3>"), options, second.Program!.SymbolsAfterAll);
        Assert.False(third.HasErrors);
        Assert.False(third.Program!.SymbolsAfterAll.Models["m"].Trained);
    }
}

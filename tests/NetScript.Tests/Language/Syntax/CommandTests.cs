using NetScript.Language;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;

namespace NetScript.Tests.Language.Syntax;

/// <summary>REPL commands are steps of interactive compilations, in order with the statements;
/// scripts reject them.</summary>
public sealed class CommandTests
{
    static Compilation Compile(string text, bool interactive) =>
        Compilation.Create(SourceText.From(text, "<repl:1>"), new CompilationOptions(new CatalogResolver(), AllowRedefinition: interactive));

    [Fact]
    public void An_interactive_compilation_passes_commands_through_in_order()
    {
        var compilation = Compile("seed 7\n:load \"my file.nns\"  # run it\n:summary mlp; :quit", interactive: true);
        Assert.Empty(compilation.Diagnostics);
        Assert.Collection(compilation.Program!.Steps,
            s => Assert.Equal(new SeedStep(7, new TextSpan(0, 6)), s),
            s => Assert.Equal(("load", "my file.nns"), (((CommandStep)s).Name, ((CommandStep)s).Argument)),
            s => Assert.Equal(("summary", "mlp"), (((CommandStep)s).Name, ((CommandStep)s).Argument)),
            s => Assert.Equal(("quit", ""), (((CommandStep)s).Name, ((CommandStep)s).Argument)));
    }

    [Fact]
    public void A_script_rejects_commands()
    {
        var compilation = Compile(":help train", interactive: false);
        Assert.Equal(["NS0008"], compilation.Diagnostics.Select(d => d.Id));
        Assert.Null(compilation.Program);
    }
}

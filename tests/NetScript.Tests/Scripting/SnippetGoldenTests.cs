using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;
using NetScript.Tests.Language.Semantics;

namespace NetScript.Tests.Scripting;

/// <summary>Golden/snippets/NAME.nns, in one of two modes.
/// <para>A whole script (no <c># probe</c> line) is compiled as `netscript check` does: parser,
/// checker and the host's snippet compiler, which compiles each snippet where it is defined and
/// runs it on a dummy batch where the model and data fix its shapes. NAME.out holds the rendered
/// diagnostics, or the checked steps when there are none.</para>
/// <para>With a <c># probe prediction=[3] target=classes(3) input=[4]</c> line (<c>target=[2]</c>
/// for regression) every snippet is checked by the library alone on dummy batches of those shapes;
/// NAME.out holds, per snippet, "ok" (and a layer's output shape) or its diagnostics.</para></summary>
[Collection(TorchCollection.Name)]
public sealed partial class SnippetGoldenTests
{
    public static IEnumerable<object[]> Inputs() => GoldenFile.Inputs("snippets");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Checks_as_expected(string name)
    {
        var source = SourceText.From(GoldenFile.Read("snippets", name), name);
        string actual = ProbeLine().IsMatch(source.Text) ? CheckEach(source) : CheckScript(source);
        GoldenFile.Verify("snippets", name, ".out", actual);
    }

    static string CheckScript(SourceText source)
    {
        var options = new CompilationOptions(new CatalogResolver()) { Snippets = new HostSnippetCompiler(SnippetScripts.Shared) };
        Compilation compilation = Compilation.Create(source, options);
        return compilation.Diagnostics.IsEmpty
            ? string.Concat(compilation.Program!.Steps.Select(s => CheckerGoldenTests.Describe(s) + "\n"))
            : DiagnosticFormatter.FormatAll(compilation.Diagnostics) + "\n";
    }

    static string CheckEach(SourceText source)
    {
        var compiler = SnippetScripts.InMemory();
        var (scalar, layer) = Probes(source.Text);
        var output = new StringBuilder();
        foreach (SnippetSource snippet in SnippetScripts.All(source))
        {
            SnippetCheck check = compiler.Check(snippet, snippet.Kind == SnippetKind.Layer ? layer : scalar);
            output.Append(snippet.Noun).Append(check.HasErrors ? ":" : ": ok");
            if (check.Output is { } shape) output.Append(", output ").Append(shape);
            output.Append('\n');
            if (!check.Diagnostics.IsEmpty) output.Append(DiagnosticFormatter.FormatAll(check.Diagnostics)).Append('\n');
        }
        return output.ToString();
    }

    static (SnippetProbe? Scalar, SnippetProbe? Layer) Probes(string text)
    {
        Match probe = ProbeLine().Match(text);
        var settings = probe.Groups["settings"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        SnippetProbe? scalar = null, layer = null;
        if (settings.TryGetValue("prediction", out string? prediction))
        {
            string target = settings["target"];
            Match classes = Regex.Match(target, @"^classes\((\d+)\)$");
            scalar = SnippetProbe.ForLoss(ParseShape(prediction), classes.Success
                ? SnippetTarget.ClassIndices(int.Parse(classes.Groups[1].Value))
                : SnippetTarget.Values(ParseShape(target)));
        }
        if (settings.TryGetValue("input", out string? input)) layer = SnippetProbe.ForLayer(ParseShape(input));
        return (scalar, layer);
    }

    static Shape ParseShape(string text) => new(text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => int.Parse(d.Trim())).ToImmutableArray());

    [GeneratedRegex(@"^# probe (?<settings>.*)$", RegexOptions.Multiline)]
    private static partial Regex ProbeLine();
}

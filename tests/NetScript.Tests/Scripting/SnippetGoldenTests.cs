using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Scripting;

namespace NetScript.Tests.Scripting;

/// <summary>Golden/snippets/NAME.nns: every <c>csharp { … }</c> snippet is compiled and checked
/// on a dummy batch, as the checker will do; NAME.out holds, per snippet, "ok" (and a layer's
/// output shape) or its rendered diagnostics. The dummy batch's shapes come from a comment,
/// standing in for the model the checker will know:
/// <c># probe prediction=[3] target=classes(3) input=[4]</c> (<c>target=[2]</c> for regression).</summary>
[Collection(TorchCollection.Name)]
public sealed partial class SnippetGoldenTests
{
    public static IEnumerable<object[]> Inputs() => GoldenFile.Inputs("snippets");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Checks_as_expected(string name)
    {
        var source = SourceText.From(GoldenFile.Read("snippets", name), name);
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
        GoldenFile.Verify("snippets", name, ".out", output.ToString());
    }

    static (SnippetProbe? Scalar, SnippetProbe? Layer) Probes(string text)
    {
        Match probe = ProbeLine().Match(text);
        Assert.True(probe.Success, "a snippet golden file needs a `# probe …` line");
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

using System.Text.RegularExpressions;

namespace NetScript.Tests;

/// <summary>Every piece of NetScript the repository holds: the scripts, the golden inputs and
/// the ```nns examples of the language reference in grammar/.</summary>
public static class LanguageCorpus
{
    public static string GrammarDirectory => Path.Combine(RepoPaths.Root, "grammar");

    static readonly Regex Fence = new(@"^```nns[ \t]*\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static IEnumerable<(string Name, string Text)> Scripts() =>
        Directory.EnumerateFiles(RepoPaths.Scripts, "*.nns").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)));

    /// <summary>Each ```nns block of grammar/**/*.md, named file:line.</summary>
    public static IEnumerable<(string Name, string Text)> GrammarExamples()
    {
        foreach (string file in Directory.EnumerateFiles(GrammarDirectory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            foreach (Match match in Fence.Matches(text))
            {
                int line = text[..match.Index].Count(c => c == '\n') + 1;
                yield return ($"{Path.GetRelativePath(RepoPaths.Root, file)}:{line}", match.Groups[1].Value);
            }
        }
    }

    /// <summary>Golden inputs of one area (parser, checker), named by file.</summary>
    public static IEnumerable<(string Name, string Text)> GoldenInputs(string area) =>
        Directory.EnumerateFiles(RepoPaths.Golden(area), "*.nns").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)));

    public static IEnumerable<(string Name, string Text)> All() =>
        Scripts().Concat(GrammarExamples()).Concat(GoldenInputs("parser")).Concat(GoldenInputs("checker"));
}

using System.Text.RegularExpressions;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Scripting;

namespace NetScript.Tests.Scripting;

/// <summary>Finds <c>loss|metric|layer NAME = csharp { … }</c> in test scripts, standing in for
/// the parser until snippets are wired into the checker: the closing brace is found by counting
/// braces outside "strings" and // comments, which the test scripts keep simple.</summary>
public static partial class SnippetScripts
{
    public static IReadOnlyList<SnippetSource> All(SourceText source)
    {
        var snippets = new List<SnippetSource>();
        foreach (Match match in Header().Matches(source.Text))
        {
            int open = match.Index + match.Length - 1;
            int close = Close(source.Text, open);
            var kind = Enum.Parse<SnippetKind>(match.Groups["kind"].Value, ignoreCase: true);
            snippets.Add(SnippetSource.At(kind, match.Groups["name"].Value, source, TextSpan.FromBounds(open + 1, close)));
        }
        return snippets;
    }

    /// <summary>The only snippet of <paramref name="text"/>.</summary>
    public static SnippetSource One(string text, string path = "test.nns") => Assert.Single(All(SourceText.From(text, path)));

    /// <summary>Compiles the only snippet of <paramref name="text"/>, which must have no errors.</summary>
    public static CompiledSnippet Compile(this SnippetCompiler compiler, string text, string path = "test.nns")
    {
        CompiledSnippet compiled = compiler.Compile(One(text, path));
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        return compiled;
    }

    /// <summary>A compiler with no disk cache, for tests that are not about caching.</summary>
    public static SnippetCompiler InMemory() => new(new SnippetCompilerOptions(null));

    static int Close(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    for (i++; i < text.Length && text[i] != '"'; i++)
                        if (text[i] == '\\') i++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    while (i < text.Length && text[i] != '\n') i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }
        throw new ArgumentException("unclosed csharp snippet in test script");
    }

    [GeneratedRegex(@"^[ \t]*(?<kind>loss|metric|layer)[ \t]+(?<name>\w+)[ \t]*=[ \t]*csharp[ \t]*\{", RegexOptions.Multiline)]
    private static partial Regex Header();
}

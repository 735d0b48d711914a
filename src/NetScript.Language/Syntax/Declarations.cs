using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NetScript.Language.Syntax;

/// <summary>Best-effort names a broken statement meant to define (the model's name, the `as`
/// alias, split parts), so the checker keeps later uses of them from cascading into errors.</summary>
internal static class Declarations
{
    static readonly Regex Defined = new(@"^(?:model|loss|metric|layer)\s+([A-Za-z_]\w*)", RegexOptions.CultureInvariant);
    static readonly Regex Alias = new(@"\bas\s+([A-Za-z_]\w*)", RegexOptions.CultureInvariant);
    static readonly Regex SplitParts = new(@"([A-Za-z_]\w*)\s*=", RegexOptions.CultureInvariant);
    static readonly Regex SearchParameters = new(@"^\s*([A-Za-z_]\w*)\s*=", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static ImmutableArray<string> Guess(string keyword, string text)
    {
        IEnumerable<Match> matches = keyword switch
        {
            "model" or "loss" or "metric" or "layer" => Defined.Matches(text),
            "load" or "kfold" or "ensemble" or "transfer" => Alias.Matches(text),
            "split" => text.Contains(" into ", StringComparison.Ordinal) ? SplitParts.Matches(text[text.IndexOf(" into ", StringComparison.Ordinal)..]) : [],
            "search" => text.Contains('{') ? SearchParameters.Matches(text[(text.IndexOf('{') + 1)..]).Select(m => m) : [],
            _ => [],
        };
        return matches.Select(m => m.Groups[1].Value).ToImmutableArray();
    }
}

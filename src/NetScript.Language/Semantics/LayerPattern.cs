using System.Text.RegularExpressions;

namespace NetScript.Language.Semantics;

/// <summary>Matches a layer pattern (<c>conv*</c>, <c>dense?</c>, <c>dense:last</c>, <c>conv*:2</c>,
/// or a plain name such as <c>dense2</c>) against a model's layer names: the name part matches
/// a layer's name (<c>conv1</c>) or, without wildcards, its kind (<c>dense</c> matches dense1,
/// dense2 …); the position (<c>first</c>, <c>last</c>, a 1-based index) picks one of those.</summary>
public static class LayerPattern
{
    /// <summary>The indices of the matching layers, in order (empty when none matches).</summary>
    public static IReadOnlyList<int> Match(string pattern, IReadOnlyList<string> names)
    {
        int colon = pattern.IndexOf(':');
        string name = colon >= 0 ? pattern[..colon] : pattern;
        string? position = colon >= 0 ? pattern[(colon + 1)..] : null;
        var regex = new Regex("^" + Regex.Escape(name).Replace("\\*", "[A-Za-z0-9_]*").Replace("\\?", "[A-Za-z0-9_]") + "$");
        bool wildcard = name.Contains('*') || name.Contains('?');
        var matched = Enumerable.Range(0, names.Count)
            .Where(i => regex.IsMatch(names[i]) || !wildcard && Kind(names[i]) == name).ToList();
        if (position is null || matched.Count == 0) return matched;
        int pick = position switch
        {
            "first" => 0,
            "last" => matched.Count - 1,
            _ when int.TryParse(position, out int n) && n >= 1 => n - 1,
            _ => -1,
        };
        return pick >= 0 && pick < matched.Count ? [matched[pick]] : [];
    }

    /// <summary>The kind of a layer name: <c>dense</c> for <c>dense12</c>.</summary>
    static string Kind(string name) => name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
}

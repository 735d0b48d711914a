using System.Globalization;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>Parameter values as numbers and text, for tables, journals and messages.</summary>
public static class TrialValues
{
    public static string Format(Value value) => value switch
    {
        NumberValue { IsInteger: true } n => n.Number.ToString("0", CultureInfo.InvariantCulture),
        NumberValue n => n.Number.ToString("G4", CultureInfo.InvariantCulture),
        NameValue n => n.Name,
        StringValue s => s.Text,
        _ => value.Describe(),
    };

    /// <summary>A value as the journal stores it: numbers exactly (round-trip), text as given.</summary>
    public static string Encode(Value value) => value switch
    {
        NumberValue n => (n.IsInteger ? "i:" : "r:") + n.Number.ToString("R", CultureInfo.InvariantCulture),
        NameValue n => "n:" + n.Name,
        StringValue s => "s:" + s.Text,
        _ => throw new ArgumentException($"a search value cannot be {value.Describe()}"),
    };

    public static Value Decode(string text) => text[..2] switch
    {
        "i:" => new NumberValue(double.Parse(text[2..], CultureInfo.InvariantCulture), true),
        "r:" => new NumberValue(double.Parse(text[2..], CultureInfo.InvariantCulture), false),
        "n:" => new NameValue(text[2..]),
        "s:" => new StringValue(text[2..]),
        _ => throw new FormatException($"not a search value: {text}"),
    };

    /// <summary>The value as a number (NaN for names and strings), for plots and tables.</summary>
    public static double Number(Value value) => value is NumberValue n ? n.Number : double.NaN;
}

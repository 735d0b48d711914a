using System.Globalization;

namespace NetScript.Language.Semantics;

public sealed record NumberValue(double Number, bool IsInteger) : Value
{
    public override string Describe() => $"`{ToString()}`";

    public override string ToString() => Number.ToString("G", CultureInfo.InvariantCulture);
}

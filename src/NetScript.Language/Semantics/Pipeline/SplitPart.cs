namespace NetScript.Language.Semantics;

public sealed record SplitPart(string Name, double Fraction);

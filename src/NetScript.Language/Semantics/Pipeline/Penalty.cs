namespace NetScript.Language.Semantics;

/// <summary>A gradient penalty's coefficient, and whether it also covers biases, normalisation
/// and activation parameters (<c>decay_all</c>) rather than weights only.</summary>
public sealed record Penalty(double Lambda, bool All);

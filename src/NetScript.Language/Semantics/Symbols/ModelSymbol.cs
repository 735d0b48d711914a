namespace NetScript.Language.Semantics;

/// <summary>A model known to the session. <see cref="InputShape"/> and <see cref="Loss"/> are
/// fixed by its first training run (null before).</summary>
public sealed record ModelSymbol(string Name, ModelDefinition Definition, Shape? InputShape, string? Loss, string DefinedAt)
{
    public bool Trained => InputShape is not null;
}

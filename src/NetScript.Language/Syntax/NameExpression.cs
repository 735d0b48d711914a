namespace NetScript.Language.Syntax;

/// <summary>A bare name used as a value: a symbol (<c>val</c>), a choice (<c>per_channel</c>)
/// or a flag (<c>stratify</c>); the checker decides which from the schema.</summary>
public sealed record NameExpression(Identifier Name) : Expression(Name.Span);

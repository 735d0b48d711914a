namespace NetScript.Language.Semantics;

/// <summary>A layer with its inferred input/output shapes and parameter count.</summary>
public sealed record LayerPlan(LayerDefinition Layer, Shape Input, Shape Output, long Parameters);

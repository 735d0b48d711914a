namespace NetScript.Language.Semantics;

/// <summary>One line of a model summary: a layer by its runtime name, what it outputs per sample
/// (null for the loss's own parameters) and its parameter counts.</summary>
public sealed record SummaryRow(string Name, string Kind, Shape? Output, long Trainable, long NonTrainable);

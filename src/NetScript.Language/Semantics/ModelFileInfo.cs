namespace NetScript.Language.Semantics;

/// <summary>What the checker knows of a model file: its layers, the input shape its layers
/// take (after the file's own preprocessing), its classes and its loss (null: the file names
/// none, so the default for its output is used).</summary>
public sealed record ModelFileInfo(ModelDefinition Definition, Shape Input, int Classes, LossSettings? Loss);

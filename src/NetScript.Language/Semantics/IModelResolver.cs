using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Describes a model file for the checker (its layers, input shape, loss) — implemented
/// by NetScript.Runtime, which owns the file format.</summary>
public interface IModelResolver
{
    /// <summary>The model, or null with <paramref name="error"/> set to a message for the user.</summary>
    /// <param name="span">Where the file's layers are reported (the statement that loads it).</param>
    ModelFileInfo? Describe(string path, TextSpan span, out string? error);
}

using System.Security.Cryptography;
using System.Text;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A snippet as the checker hands it to an <see cref="ISnippetCompiler"/>: the C# text
/// between the braces of <c>csharp { … }</c> and where it sits in <see cref="Source"/>, so a C#
/// position maps to a script position by adding <c>CodeSpan.Start</c>.</summary>
/// <param name="Name">The name the script gives it (<c>loss tukey = …</c>), used in messages;
/// null for an unnamed snippet.</param>
/// <param name="Code">Exactly the text at <paramref name="CodeSpan"/> (no trimming), so offsets match.</param>
public sealed record SnippetSource(SnippetKind Kind, string? Name, string Code, SourceText Source, TextSpan CodeSpan)
{
    /// <summary>Takes the code from <paramref name="source"/> at <paramref name="codeSpan"/>.</summary>
    public static SnippetSource At(SnippetKind kind, string? name, SourceText source, TextSpan codeSpan) =>
        new(kind, name, source.ToString(codeSpan), source, codeSpan);

    /// <summary>"loss `tukey`", or "the C# loss" when unnamed: the subject of every message.</summary>
    public string Noun
    {
        get
        {
            string kind = Kind.ToString().ToLowerInvariant();
            return Name is null ? $"the C# {kind}" : $"{kind} `{Name}`";
        }
    }

    /// <summary>Eight hex digits of a hash of the kind and code: tells two versions of a snippet
    /// apart where only its name is shown (checkpoints, a model's layer list), so resuming or
    /// re-training after the code changed is noticed.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Kind + "\n" + Code)))[..8];
}

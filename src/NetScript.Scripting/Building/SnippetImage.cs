using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using RoslynSourceText = Microsoft.CodeAnalysis.Text.SourceText;

namespace NetScript.Scripting.Building;

/// <summary>One compilation of one snippet text, shared by every place that text appears (a
/// script, a REPL re-submit): diagnostics and spans are relative to the code, so
/// <see cref="CompiledSnippet"/> positions them for each <see cref="SnippetSource"/>.</summary>
internal sealed class SnippetImage
{
    readonly Lazy<(RoslynSourceText Text, SourceMap Map)> _emitted;

    public SnippetImage(SnippetKind kind, string code, ImmutableArray<SnippetDiagnostic> diagnostics,
        SnippetLoader.Loaded? loaded, SnippetOrigin origin, TimeSpan elapsed)
    {
        Kind = kind;
        Code = code;
        Assembly = loaded?.Assembly;
        Manifest = loaded?.Manifest;
        Function = loaded?.Function;
        Origin = origin;
        Elapsed = elapsed;
        _emitted = new(() =>
        {
            var (text, map) = SourceMap.Apply(code, Manifest?.Edits ?? []);
            return (RoslynSourceText.From(text), map);
        });
        Diagnostics = loaded switch
        {
            // Top-level statements before the lambda run once, on load.
            { Failure: { } failure } => diagnostics.Add(DiagnosticFor(DiagnosticCatalog.SnippetRuntimeError, failure,
                SnippetDiagnostic.Noun, SnippetFailures.Describe(failure))),
            { Function: null } => diagnostics.Add(new SnippetDiagnostic(DiagnosticCatalog.SnippetResultType, ResultStart, ResultLength,
                [SnippetDiagnostic.Noun, kind == SnippetKind.Layer ? "a lambda `x => …`" : "a lambda `(pred, target) => …`", "null"])),
            _ => diagnostics,
        };
    }

    public SnippetKind Kind { get; }

    public string Code { get; }

    public ImmutableArray<SnippetDiagnostic> Diagnostics { get; }

    public Assembly? Assembly { get; }

    public SnippetManifest? Manifest { get; }

    /// <summary><c>Func&lt;Tensor, Tensor, Tensor&gt;</c> or <c>Func&lt;Tensor, Tensor&gt;</c>;
    /// null when the snippet has errors.</summary>
    public Delegate? Function { get; }

    public SnippetOrigin Origin { get; }

    /// <summary>Time to compile (or load from disk) and obtain the delegate.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Where result checks are reported: the lambda's result expression, else the whole code.</summary>
    public int ResultStart => Manifest?.ResultStart ?? 0;

    public int ResultLength => Manifest?.ResultLength ?? Code.Length;

    /// <summary>The lambda's parameter names, for messages.</summary>
    public IReadOnlyList<string> Parameters => Manifest is { } m ? m.Parameters : Kind == SnippetKind.Layer ? ["x"] : ["pred", "target"];

    /// <summary>A diagnostic about <paramref name="exception"/> at the snippet line it came from,
    /// or at the result expression when no snippet frame is on the stack.</summary>
    public SnippetDiagnostic DiagnosticFor(DiagnosticDescriptor descriptor, Exception exception, params object?[] arguments)
    {
        var (start, length) = Locate(exception) is { } offset ? SnippetFailures.LineFrom(Code, offset) : (ResultStart, ResultLength);
        return new SnippetDiagnostic(descriptor, start, length, arguments);
    }

    /// <summary>The snippet statement an exception was thrown from (innermost frame of the
    /// snippet's assembly, via its embedded PDB), as an offset in the code; null when no frame
    /// of the snippet is on the stack.</summary>
    public int? Locate(Exception exception)
    {
        if (Assembly is null) return null;
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.Module.Assembly != Assembly || frame.GetFileLineNumber() <= 0) continue;
            var (text, map) = _emitted.Value;
            int line = Math.Min(frame.GetFileLineNumber(), text.Lines.Count) - 1;
            int offset = text.Lines[line].Start + Math.Max(frame.GetFileColumnNumber(), 1) - 1;
            return Math.Clamp(map.ToOriginal(offset), 0, Code.Length);
        }
        return null;
    }
}

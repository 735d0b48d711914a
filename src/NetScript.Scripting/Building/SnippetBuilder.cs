using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using static TorchSharp.torch;
using DiagnosticDescriptor = NetScript.Language.Diagnostics.DiagnosticDescriptor;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using RoslynSpan = Microsoft.CodeAnalysis.Text.TextSpan;
using Severity = NetScript.Language.Diagnostics.DiagnosticSeverity;

namespace NetScript.Scripting.Building;

/// <summary>Compiles a snippet with Roslyn scripting into an assembly (IL, embedded PDB and a
/// <see cref="SnippetManifest"/>), or into C# diagnostics positioned in the snippet.
/// <para>The compiled text is the snippet plus edits, all recorded in one <see cref="SourceMap"/>
/// that maps every compiler and stack-frame position back to the user's text: the prelude
/// (<see cref="SnippetPrelude.Header"/>), a declaration giving the final lambda its delegate type
/// (<c>Func&lt;…&gt; result = (pred, target) =&gt; …; result</c> — a script's own return
/// conversion is invisible to the semantic model, which would leave the lambda's parameters
/// untyped), and the matmul guard's rewrites.</para></summary>
internal static class SnippetBuilder
{
    /// <summary><see cref="Image"/> is null when <see cref="Diagnostics"/> hold an error;
    /// <see cref="CompiledText"/> is the C# the image was emitted from.</summary>
    public sealed record Output(ImmutableArray<SnippetDiagnostic> Diagnostics, byte[]? Image, string? CompiledText = null);

    const string ResultName = "__netscript_snippet";

    // CS1701/CS1702: "assuming assembly reference X version 8 matches version 10" — TorchSharp is
    // built against an older framework; .NET unifies the versions, as the SDK's default NoWarn says.
    static readonly HashSet<string> s_silenced = ["CS1701", "CS1702"];

    static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Builds <paramref name="code"/>; with <paramref name="guardMatmul"/> false the
    /// matmul rewrite is skipped (only for the test that proves the unguarded call aborts).</summary>
    public static Output Build(SnippetKind kind, string code, CancellationToken cancellation, bool guardMatmul = true)
    {
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, s_parseOptions, cancellationToken: cancellation).GetRoot(cancellation);

        // #r and #load would make the compilation depend on files the cache key does not cover.
        var directives = parsed.GetReferenceDirectives().Select(d => Relative(DiagnosticCatalog.SnippetDirective, d.Span, "r"))
            .Concat(parsed.GetLoadDirectives().Select(d => Relative(DiagnosticCatalog.SnippetDirective, d.Span, "load")))
            .ToImmutableArray();
        if (directives.Length > 0) return new Output(directives, null);

        var (result, parameters, final) = Describe(parsed, kind);
        var edits = new List<TextEdit> { new(0, 0, SnippetPrelude.Header) };
        if (final is not null)
        {
            edits.Add(new TextEdit(final.SpanStart, 0, $"{DelegateType(kind)} {ResultName} = "));
            edits.Add(new TextEdit(final.Span.End, 0, $"; {ResultName}"));
        }
        var (text, map) = SourceMap.Apply(code, edits);
        Script script = kind == SnippetKind.Layer
            ? CSharpScript.Create<Func<Tensor, Tensor>>(text, SnippetPrelude.Options)
            : CSharpScript.Create<Func<Tensor, Tensor, Tensor>>(text, SnippetPrelude.Options);
        Compilation compilation = script.GetCompilation();
        SyntaxTree tree = compilation.SyntaxTrees.Single();

        var diagnostics = compilation.GetDiagnostics(cancellation)
            .Where(d => d.Severity is RoslynSeverity.Error or RoslynSeverity.Warning && !s_silenced.Contains(d.Id))
            .Select(d => FromRoslyn(d, map))
            .ToImmutableArray();
        if (diagnostics.Any(d => d.Descriptor.Severity == Severity.Error)) return new Output(diagnostics, null);

        var inner = new List<TextEdit>();
        if (guardMatmul && code.Contains("matmul", StringComparison.Ordinal))
        {
            MatmulCalls.Plan plan = MatmulCalls.Find(compilation.GetSemanticModel(tree), cancellation);
            if (plan.Unguarded.Count > 0)
                return new Output(diagnostics.AddRange(plan.Unguarded.Select(n =>
                    Relative(DiagnosticCatalog.SnippetUnguardedMatmul, Original(n.Span, map), n.Identifier.ValueText))), null);
            inner.AddRange(plan.Edits);
        }
        if (code.Contains('0')) inner.AddRange(ZeroDimensionArguments.Find(compilation.GetSemanticModel(tree), cancellation)); // x.sum(0) sums dim 0
        if (inner.Count > 0)
        {
            // Guard and literal edits lie inside the user's text, so they map back exactly.
            edits.AddRange(inner.Select(e =>
            {
                RoslynSpan span = Original(new RoslynSpan(e.Start, e.Length), map);
                return e with { Start = span.Start, Length = span.Length };
            }));
            text = SourceMap.Apply(code, edits).Text;
            compilation = compilation.ReplaceSyntaxTree(tree,
                CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath, cancellationToken: cancellation));
        }

        IMethodSymbol entry = compilation.GetEntryPoint(cancellation)
            ?? throw new InvalidOperationException("a script compilation has no entry point");
        var manifest = new SnippetManifest(SnippetManifest.CurrentFormat, kind.ToString(), code,
            entry.ContainingType.MetadataName, entry.MetadataName, result.Start, result.Length, parameters, [.. edits],
            [.. diagnostics.Select(d => new SnippetManifest.Warning(d.Descriptor.Id, d.Start, d.Length, (string)d.Arguments[0]!))]);

        using var image = new MemoryStream();
        var resources = new[] { new ResourceDescription(SnippetManifest.ResourceName, () => new MemoryStream(manifest.ToBytes()), isPublic: true) };
        var emitted = compilation.Emit(image, manifestResources: resources,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancellation);
        if (!emitted.Success)
        {
            // The source bound without errors, so this is NetScript's rewrite going wrong.
            string reasons = string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == RoslynSeverity.Error).Select(d => d.ToString()));
            return new Output(diagnostics.Add(new SnippetDiagnostic(DiagnosticCatalog.InternalError, 0, 0, [$"emitting the snippet failed: {reasons}"])), null);
        }
        return new Output(diagnostics, image.ToArray(), text);
    }

    static string DelegateType(SnippetKind kind)
    {
        const string tensor = "global::TorchSharp.torch.Tensor";
        return kind == SnippetKind.Layer
            ? $"global::System.Func<{tensor}, {tensor}>"
            : $"global::System.Func<{tensor}, {tensor}, {tensor}>";
    }

    static RoslynSpan Original(RoslynSpan span, SourceMap map)
    {
        int start = map.ToOriginal(span.Start);
        return RoslynSpan.FromBounds(start, Math.Max(start, map.ToOriginal(span.End)));
    }

    static SnippetDiagnostic FromRoslyn(RoslynDiagnostic diagnostic, SourceMap map)
    {
        var severity = diagnostic.Severity == RoslynSeverity.Error ? Severity.Error : Severity.Warning;
        var span = diagnostic.Location.IsInSource ? Original(diagnostic.Location.SourceSpan, map) : default;
        return Relative(DiagnosticCatalog.CSharp(diagnostic.Id, severity), span,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    static SnippetDiagnostic Relative(DiagnosticDescriptor descriptor, RoslynSpan span, params object?[] arguments) =>
        new(descriptor, span.Start, span.Length, arguments);

    /// <summary>The script's final expression (what it returns; null when it ends with a
    /// statement), where result checks point (the lambda's expression body or last return value),
    /// and the lambda's parameter names — PyTorch's names when the code is not a literal lambda.</summary>
    static (RoslynSpan Result, ImmutableArray<string> Parameters, ExpressionSyntax? Final) Describe(CompilationUnitSyntax root, SnippetKind kind)
    {
        ImmutableArray<string> defaults = kind == SnippetKind.Layer ? ["x"] : ["pred", "target"];
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return (root.Span, defaults, null);
        ExpressionSyntax final = statement.Expression, expression = final;
        while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            expression = expression is ParenthesizedExpressionSyntax p ? p.Expression : ((CastExpressionSyntax)expression).Expression;
        if (expression is not LambdaExpressionSyntax lambda) return (expression.Span, defaults, final);

        ImmutableArray<string> parameters = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => [simple.Parameter.Identifier.ValueText],
            ParenthesizedLambdaExpressionSyntax parenthesized => [.. parenthesized.ParameterList.Parameters.Select(p => p.Identifier.ValueText)],
            _ => defaults,
        };
        if (parameters.Length != defaults.Length) parameters = defaults;
        SyntaxNode? result = lambda.ExpressionBody
            ?? lambda.Block?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().LastOrDefault()?.Expression;
        return ((result ?? lambda).Span, parameters, final);
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetScript.Scripting.Guards;

namespace NetScript.Scripting.Building;

/// <summary>Finds TorchSharp's matmul in a bound snippet and plans the edits that route each call
/// through <see cref="SnippetGuards.matmul"/>: <c>x.matmul(y)</c> becomes
/// <c>Guard(x, y)</c>; <c>torch.matmul(x, y)</c> and <c>matmul(x, y)</c> become
/// <c>Guard(x, y)</c>. Binding decides what is TorchSharp's matmul, so a user's own method of that
/// name is left alone. A use that is not a direct call (a method group, <c>x?.matmul(y)</c>)
/// cannot be guarded and is reported instead.</summary>
internal static class MatmulCalls
{
    public sealed record Plan(IReadOnlyList<TextEdit> Edits, IReadOnlyList<SimpleNameSyntax> Unguarded);

    public static Plan Find(SemanticModel model, CancellationToken cancellation)
    {
        var edits = new List<TextEdit>();
        var unguarded = new List<SimpleNameSyntax>();
        SyntaxNode root = model.SyntaxTree.GetRoot(cancellation);
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.Identifier.ValueText != "matmul" || TorchMatmul(model, name, cancellation) is not { } method) continue;
            switch (name.Parent)
            {
                // x.matmul(y) or torch.matmul(x, y)
                case MemberAccessExpressionSyntax access when access.Name == name
                    && access.Parent is InvocationExpressionSyntax call && call.Expression == access:
                    if (method.IsStatic)
                    {
                        edits.Add(new TextEdit(access.SpanStart, access.Span.Length, SnippetGuards.MatmulName));
                    }
                    else
                    {
                        // "x.matmul(" → "Guard(x, ": the receiver and the arguments keep their text,
                        // so nested calls are edited independently (inserts at one offset compose).
                        edits.Add(new TextEdit(access.Expression.SpanStart, 0, SnippetGuards.MatmulName + "("));
                        int afterReceiver = access.Expression.Span.End;
                        string separator = call.ArgumentList.Arguments.Count > 0 ? ", " : "";
                        edits.Add(new TextEdit(afterReceiver, call.ArgumentList.OpenParenToken.Span.End - afterReceiver, separator));
                    }
                    break;
                // matmul(x, y) through `using static TorchSharp.torch`
                case InvocationExpressionSyntax call when call.Expression == name:
                    edits.Add(new TextEdit(name.SpanStart, name.Span.Length, SnippetGuards.MatmulName));
                    break;
                default:
                    unguarded.Add(name);
                    break;
            }
        }
        return new Plan(edits, unguarded);
    }

    /// <summary>TorchSharp's matmul when <paramref name="name"/> binds to it. The snippet has no
    /// errors here, and its final lambda is target-typed (<see cref="SnippetBuilder"/> declares its
    /// delegate type), so binding is exact.</summary>
    static IMethodSymbol? TorchMatmul(SemanticModel model, SimpleNameSyntax name, CancellationToken cancellation)
    {
        SymbolInfo info = model.GetSymbolInfo(name, cancellation);
        IEnumerable<ISymbol> symbols = info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols;
        return symbols.OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.ContainingAssembly?.Name == "TorchSharp"
            && m.ContainingType.ToDisplayString() is "TorchSharp.torch" or "TorchSharp.torch.Tensor");
    }
}

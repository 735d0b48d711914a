using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetScript.Scripting.Building;

/// <summary>C# converts the literal <c>0</c> (and only zero) implicitly to any enum, so
/// <c>x.sum(0)</c> binds to TorchSharp's <c>sum(ScalarType? type)</c> and sums everything as
/// Byte ("Autograd not support dtype: Byte") instead of summing dimension 0; the same holds for
/// other methods with a (long dim) and a (ScalarType) overload. Every integer literal 0 that binds to a
/// <c>ScalarType</c> parameter of a TorchSharp method becomes <c>0L</c>, which binds to the
/// <c>long dim</c> overload where there is one (an exact match) and still converts to the enum
/// where there is none, so the call means what it reads.</summary>
internal static class ZeroDimensionArguments
{
    public static IReadOnlyList<TextEdit> Find(SemanticModel model, CancellationToken cancellation)
    {
        var edits = new List<TextEdit>();
        foreach (var argument in model.SyntaxTree.GetRoot(cancellation).DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Expression is not LiteralExpressionSyntax literal || literal.Token.Value is not 0 || argument.NameColon is not null) continue;
            if (argument.Parent?.Parent is not InvocationExpressionSyntax call) continue;
            if (model.GetSymbolInfo(call, cancellation).Symbol is not IMethodSymbol method || method.ContainingAssembly?.Name != "TorchSharp") continue;
            if (Parameter(method, call.ArgumentList.Arguments.IndexOf(argument)) is not { } parameter || !IsScalarType(parameter.Type)) continue;
            edits.Add(new TextEdit(literal.SpanStart, literal.Span.Length, "0L"));
        }
        return edits;
    }

    static IParameterSymbol? Parameter(IMethodSymbol method, int index) =>
        index < method.Parameters.Length ? method.Parameters[index] : method.Parameters.LastOrDefault(p => p.IsParams);

    static bool IsScalarType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        return type.TypeKind == TypeKind.Enum && type.Name == "ScalarType" && type.ContainingAssembly?.Name == "TorchSharp";
    }
}

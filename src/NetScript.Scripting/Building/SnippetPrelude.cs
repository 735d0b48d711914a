using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using NetScript.Scripting.Guards;
using TorchSharp;

namespace NetScript.Scripting.Building;

/// <summary>What every snippet sees without writing it: TorchSharp, <c>torch</c>'s members
/// (<c>Tensor</c>, <c>nn</c>, <c>randn</c>…), <c>F</c> for <c>nn.functional</c> and System.Math.</summary>
internal static class SnippetPrelude
{
    /// <summary>An alias cannot be an import option, so it is a line of code in front of every
    /// snippet (an edit in the snippet's <see cref="SourceMap"/>).</summary>
    public const string Header = "using F = TorchSharp.torch.nn.functional;\n";

    static readonly string[] s_imports =
        ["System", "System.Linq", "System.Collections.Generic", "TorchSharp", "TorchSharp.torch", "System.Math"];

    static readonly Lazy<ScriptOptions> s_options = new(() => ScriptOptions.Default
        .AddReferences(typeof(torch).Assembly, typeof(SnippetGuards).Assembly)
        .WithImports(s_imports)
        // Debug IL keeps each statement's line in stack traces exact (optimised code attributes
        // a failure to a neighbouring statement); a snippet's cost is in libtorch, not its IL.
        .WithOptimizationLevel(OptimizationLevel.Debug)
        .WithEmitDebugInformation(true));

    public static ScriptOptions Options => s_options.Value;
}

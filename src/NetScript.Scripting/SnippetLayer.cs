using static TorchSharp.torch;

namespace NetScript.Scripting;

/// <summary>A <c>layer NAME = csharp { x =&gt; … }</c> as a parameter-free module.</summary>
internal sealed class SnippetLayer : nn.Module<Tensor, Tensor>
{
    readonly CompiledSnippet _snippet;

    public SnippetLayer(string name, CompiledSnippet snippet) : base(name)
    {
        _snippet = snippet;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _snippet.Invoke(input);
}

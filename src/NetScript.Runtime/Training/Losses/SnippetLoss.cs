using NetScript.Language.Semantics;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>A <c>loss NAME = csharp { (pred, target) =&gt; … }</c> in the engine: gradients flow
/// through the snippet like through a built-in (the snippet is the forward pass; autograd does the
/// rest). Targets arrive as the checker probed them (<see cref="SnippetTargets"/>). With one score
/// per class, predictions are the argmax, so accuracy and top-k are measured as for cross-entropy.
/// A failure inside the snippet is a <see cref="SnippetException"/> at the snippet's line.</summary>
internal sealed class SnippetLoss : LossFunction
{
    readonly CompiledSnippet _snippet;
    readonly SnippetTarget _targets;
    readonly bool _decides;

    public SnippetLoss(CompiledSnippet snippet, SnippetUse use, bool decides) : base(use.Name)
    {
        _snippet = snippet;
        _targets = use.Targets;
        _decides = decides;
    }

    public override long DecisionsPerSample => _decides ? 1 : 0;

    public override Tensor forward(Tensor output, Tensor target) // (B, …), (B) or (B, …) -> ()
    {
        Tensor loss = _snippet.Invoke(output, SnippetTargets.Align(target, _targets));
        // A one-element result of shape [1] is accepted; the loop stores the step's loss as a scalar.
        return loss.dim() == 0 ? loss : loss.reshape([]);
    }

    public override Tensor Correct(Tensor output, Tensor target) =>
        _decides ? output.argmax(1).eq(target).sum() : base.Correct(output, target);

    public override Tensor? ClassScores(Tensor output) => _decides ? output : null;
}

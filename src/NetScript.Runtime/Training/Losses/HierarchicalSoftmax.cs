using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>Hierarchical softmax (Morin &amp; Bengio; word2vec): the C classes are the leaves of
/// a balanced binary tree whose C − 1 inner nodes each hold a logistic classifier (w_n, b_n)
/// on the model's hidden vector h. P(class) = Π over the path of σ(±(w_n·h + b_n)) (+ for
/// the left branch), so the probabilities of all classes sum to 1 and a training step costs
/// O(log C) node products instead of O(C). The loss owns the node parameters (the output
/// layer), initialised like nn.Linear.</summary>
internal sealed class HierarchicalSoftmax : LossFunction
{
    readonly Parameter _weight; // (C−1, H), one row per inner node
    readonly Parameter _bias;   // (C−1)
    readonly Tensor _nodes;     // (C, D) inner nodes on each class's path, padded with 0
    readonly Tensor _signs;     // (C, D) +1 left, −1 right, 0 padding

    public HierarchicalSoftmax(long hidden, int classes) : base("hierarchical_softmax")
    {
        (_weight, Parameter? bias) = Models.Layers.AffineInit.Create(classes - 1, hidden, bias: true);
        _bias = bias!;
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
        var (nodes, signs) = BuildTree(classes);
        _nodes = nodes;
        _signs = signs;
        register_buffer("nodes", _nodes, persistent: false);
        register_buffer("signs", _signs, persistent: false);
    }

    public override long DecisionsPerSample => 1;

    public override Tensor forward(Tensor hidden, Tensor target) // (B, H), (B) -> ()
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor nodes = _nodes.index_select(0, target);                        // (B, D)
        Tensor signs = _signs.index_select(0, target);                        // (B, D)
        Tensor w = _weight.index_select(0, nodes.flatten()).view(nodes.shape[0], nodes.shape[1], -1); // (B, D, H)
        Tensor scores = w.bmm(hidden.unsqueeze(2)).squeeze(2).add(_bias.index_select(0, nodes.flatten()).view(nodes.shape), s.Of(1)); // (B, D) w_n·h + b_n
        Tensor logp = (nn.functional.logsigmoid(scores * signs) * signs.abs()).sum(1);  // (B) log P(class)
        return (-logp.mean()).MoveToOuterDisposeScope();
    }

    /// <summary>log P(c | h) for every class (B, C): all node scores once, then each path's sum.</summary>
    public override Tensor ClassScores(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        Tensor scores = nn.functional.linear(hidden, _weight, _bias);         // (B, C−1)
        Tensor onPaths = scores.index_select(1, _nodes.flatten()).view(-1, _nodes.shape[0], _nodes.shape[1]); // (B, C, D)
        return (nn.functional.logsigmoid(onPaths * _signs) * _signs.abs()).sum(2).MoveToOuterDisposeScope();
    }

    public override Tensor Correct(Tensor hidden, Tensor target)
    {
        using var scope = NewDisposeScope();
        return ClassScores(hidden).argmax(1).eq(target).sum().MoveToOuterDisposeScope();
    }

    /// <summary>Splits the class range in halves recursively; inner nodes are numbered in
    /// visiting order, so node 0 is the root. Depth ≤ ⌈log₂ C⌉.</summary>
    internal static (Tensor Nodes, Tensor Signs) BuildTree(int classes)
    {
        var paths = new List<(long Node, float Sign)>[classes];
        for (int c = 0; c < classes; c++) paths[c] = new();
        int next = 0;
        void Split(int lo, int hi) // classes [lo, hi), at least 2
        {
            int node = next++, mid = (lo + hi + 1) / 2;
            for (int c = lo; c < hi; c++) paths[c].Add((node, c < mid ? 1f : -1f));
            if (mid - lo > 1) Split(lo, mid);
            if (hi - mid > 1) Split(mid, hi);
        }
        Split(0, classes);
        int depth = paths.Max(p => p.Count);
        var nodes = new long[classes * depth];
        var signs = new float[classes * depth];
        for (int c = 0; c < classes; c++)
            for (int d = 0; d < paths[c].Count; d++)
            {
                nodes[c * depth + d] = paths[c][d].Node;
                signs[c * depth + d] = paths[c][d].Sign;
            }
        return (tensor(nodes).view(classes, depth), tensor(signs).view(classes, depth));
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>A lookup table: (B, L) token ids, held as float values by the data pipeline, →
/// (B, dim, L), channels first as conv1d reads them: column t is row id_t of weight (vocab, dim), initialised N(0, 1) as nn.Embedding.
/// Ids that are not whole numbers in [0, vocab) stop the run with a message: truncating or
/// wrapping them would train on the wrong rows. That check reads one flag back per forward
/// pass.</summary>
internal sealed class Embedding : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight;
    readonly long _vocab;

    public Embedding(long vocab, long dim) : base(nameof(Embedding))
    {
        using (no_grad())
            _weight = new Parameter(empty(vocab, dim).normal_());
        _vocab = vocab;
        register_parameter("weight", _weight);
    }

    public override Tensor forward(Tensor input) // (B, L) -> (B, dim, L)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor ids = input.to_type(ScalarType.Int64);
        Tensor bad = ids.lt(s.Of(0L)).logical_or(ids.ge(s.Of(_vocab)));
        if (input.is_floating_point()) bad = bad.logical_or(input.ne(ids.to_type(input.dtype))); // 2.5 is not an id
        if (bad.any().item<bool>()) throw new RuntimeFailure(Invalid(input));
        long[] shape = [.. input.shape, _weight.shape[1]];
        return _weight.index_select(0, ids.reshape(-1)).reshape(shape).transpose(1, 2).MoveToOuterDisposeScope(); // (B, L, dim) -> (B, dim, L)
    }

    string Invalid(Tensor input)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor flat = input.reshape(-1).to_type(ScalarType.Float64);
        Tensor bad = flat.ne(flat.floor()).logical_or(flat.lt(s.Of(0.0))).logical_or(flat.ge(s.Of((double)_vocab)));
        double value = flat[bad.nonzero()[0, 0]].item<double>();
        return $"`embedding` takes token ids, whole numbers from 0 to {_vocab - 1} (vocab={_vocab}); the input holds {value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}

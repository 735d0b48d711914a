using NetScript.Data;
using BatchNorm = TorchSharp.Modules.BatchNorm;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>PyTorch's <c>torch.optim.swa_utils.update_bn</c>: averaged weights never produced
/// the running statistics the batchnorm layers hold, so they are reset and measured again with
/// one pass over the training data in training mode, without gradients. Each mini-batch's
/// statistics count equally (PyTorch's momentum=None, a cumulative average: momentum 1/(k + 1)
/// for the k-th batch). Layers whose statistics a transfer froze are left as they are.</summary>
internal static class BatchNormStatistics
{
    /// <summary>Recomputes the statistics; false when the model has no batchnorm layer to update.</summary>
    public static bool Recompute(nn.Module<Tensor, Tensor> module, TensorDataset data, int batchSize)
    {
        var norms = module.modules().Prepend(module).OfType<BatchNorm>().Distinct()
            .Where(n => n.running_mean is not null && n is not Models.Layers.BatchNormalization { FrozenStatistics: true })
            .ToList();
        if (norms.Count == 0) return false;
        var momenta = norms.Select(n => n.momentum).ToList();
        bool wasTraining = module.training;
        using var noGrad = no_grad();
        using var scalars = new ScalarScope();
        foreach (var norm in norms)
        {
            norm.running_mean!.zero_();
            norm.running_var!.fill_(scalars.Of(1.0));
            norm.num_batches_tracked?.zero_();
        }
        module.train();
        try
        {
            int batches = 0;
            for (long start = 0; start < data.Count; start += batchSize)
            {
                long length = Math.Min(batchSize, data.Count - start);
                if (length == 1 && batches > 0) break; // the statistics of one sample are undefined
                foreach (var norm in norms) norm.momentum = 1.0 / (batches + 1);
                using var scope = NewDisposeScope();
                module.call(data.Features.narrow(0, start, length));
                batches++;
            }
        }
        finally
        {
            for (int i = 0; i < norms.Count; i++) norms[i].momentum = momenta[i];
            module.train(wasTraining);
        }
        return true;
    }
}

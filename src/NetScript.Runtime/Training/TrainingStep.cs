using NetScript.Language.Lowering;
using NetScript.Runtime.Training.Losses;
using NetScript.Runtime.Training.Regularization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>A mini-batch of training, as `train` and `lr_find` both run it: the gradient
/// (<see cref="Backward"/>) and, once a window of `accumulate` mini-batches has added its
/// gradient, the update (<see cref="Update"/>). Made once per epoch (train) or run (lr_find):
/// it adds no allocation and no host read to a step.</summary>
internal sealed class TrainingStep(nn.Module<Tensor, Tensor> module, LossFunction loss, OptimizerHelper optimizer,
    TrainingRegularizer regularizer, GradientClipper clipper, Precision precision)
{
    /// <summary>Clears the gradients at a window's first mini-batch (<paramref name="window"/> 0),
    /// then the forward pass in the training's precision, the loss, and its gradient divided by
    /// <paramref name="windowSize"/>: the mean of the window's mini-batch means, so equal-sized
    /// windows give the big batch's gradient. Returns the output and the (undivided) loss.</summary>
    public (Tensor Output, Tensor Loss) Backward(TrainingBatch batch, int window = 0, int windowSize = 1)
    {
        if (window == 0) optimizer.zero_grad();
        Tensor output = Autocast.Call(module, batch.Input, precision); // (B, …)
        Tensor value = batch.Loss(loss, output);
        if (windowSize == 1) value.backward();
        else
        {
            using var s = new ScalarScope();
            value.div(s.Of(windowSize)).backward();
        }
        return (output, value);
    }

    /// <summary>After the window's last backward: the penalties' gradients, clipping, the
    /// optimizer's step at the rates its groups hold, then the constraints.</summary>
    public void Update()
    {
        regularizer.Penalize();
        clipper.Clip();
        optimizer.step();
        regularizer.Constrain();
    }
}

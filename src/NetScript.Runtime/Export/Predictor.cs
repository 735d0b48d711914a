using System.Diagnostics;
using System.Globalization;
using NetScript.Data;
using NetScript.Runtime.Models;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>Runs a model file on new rows: its own preprocessing, then the model in eval mode,
/// batch by batch; writes per-class probabilities (<c>p_0</c> … <c>p_K-1</c>, softmax of the
/// logits) and the predicted class (<c>predicted</c>), or the raw outputs (<c>y_0</c> …) of a
/// model that does not classify, plus <c>label</c> when the input has one.</summary>
public static class Predictor
{
    /// <summary>Rows per forward pass: the training batch size the bench models use; larger
    /// batches make a CNN's activations outgrow the caches without speeding up the MLP.</summary>
    public const int DefaultBatch = 128;

    public static PredictionResult Predict(string modelPath, string dataPath, string outputPath, string? label = null, int batch = DefaultBatch)
    {
        TorchRuntime.EnsureLoaded();
        ExportedModel file = ExportedModel.Read(modelPath);
        using TrainedModel model = ModelLoader.Build(file);
        var (raw, labels) = PredictionInput.Read(dataPath, [.. file.Input.Dims.Select(d => (long)d)], label);
        using (raw)
        {
            var clock = Stopwatch.StartNew();
            float[] outputs = Run(file, model, raw, batch, out int width);
            double seconds = clock.Elapsed.TotalSeconds;
            long rows = raw.shape[0];
            Write(outputPath, outputs, (int)rows, width, file.Classes > 0, labels);
            double? accuracy = labels is null || file.Classes == 0 ? null
                : Enumerable.Range(0, (int)rows).Count(r => ArgMax(outputs, r, width) == labels[r]) / (double)rows;
            return new PredictionResult(rows, file.Classes, seconds, accuracy);
        }
    }

    /// <summary>Probabilities (or outputs), row-major (rows × width).</summary>
    internal static float[] Run(ExportedModel file, TrainedModel model, Tensor raw, int batch, out int width)
    {
        var transforms = file.Preprocessing.Restore();
        try
        {
            using var _ = no_grad();
            long rows = raw.shape[0];
            width = (int)file.Plan.Output.Elements;
            var result = new float[rows * width];
            for (long start = 0; start < rows; start += batch)
            {
                using var scope = NewDisposeScope();
                Tensor x = raw.narrow(0, start, Math.Min(batch, rows - start));          // (B, …) raw
                Tensor input = PreprocessingState.Apply(transforms, x);                   // (B, …) as the model takes it
                Tensor output = model.Module.call(input.reshape([x.shape[0], .. file.Plan.Input.Dims.Select(d => (long)d)]));
                Tensor scores = file.Classes == 0 ? output.reshape(x.shape[0], -1)  // (B, width)
                    : model.Plan.OutputsProbabilities ? output : output.softmax(1);    // a model ending in softmax gives them already
                scores.contiguous().data<float>().CopyTo(result.AsSpan((int)(start * width)));
            }
            return result;
        }
        finally
        {
            foreach (IFittedTransform t in transforms) t.Dispose();
        }
    }

    static void Write(string path, float[] outputs, int rows, int width, bool classes, long[]? labels)
    {
        string prefix = classes ? "p_" : "y_";
        var columns = Enumerable.Range(0, width)
            .Select(j => TableColumn.Floats(prefix + j.ToString(CultureInfo.InvariantCulture), outputs, j, width)).ToList();
        if (classes) columns.Add(TableColumn.Longs("predicted", Enumerable.Range(0, rows).Select(r => (long)ArgMax(outputs, r, width)).ToArray()));
        if (labels is not null) columns.Add(TableColumn.Longs("label", labels));
        ParquetTableWriter.Write(path, columns, rows, new Dictionary<string, string>(), 10_000);
    }

    static int ArgMax(float[] values, int row, int width)
    {
        int best = 0;
        for (int j = 1; j < width; j++)
            if (values[row * width + j] > values[row * width + best]) best = j;
        return best;
    }
}

using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export.Onnx;

/// <summary>Writes a model and its fitted preprocessing as one ONNX graph (opset
/// <see cref="OnnxGraph.Opset"/>): input <c>input</c> (batch, raw sample shape…), the
/// preprocessing as operators, the layers in inference mode, output <c>logits</c> (batch,
/// outputs…) and, for a classifier, <c>probabilities</c> (softmax over the classes); a model
/// ending in softmax has only <c>probabilities</c>, its own output.</summary>
public static class OnnxExporter
{
    public static void Write(string path, ModelPlan plan, nn.Module module, IReadOnlyList<IFittedTransform> preprocessing, Shape input, int classes)
    {
        var graph = new OnnxGraph();
        long[] shape = [.. input.Dims.Select(d => (long)d)];
        graph.Input("input", [null, .. shape.Select(d => (long?)d)]);
        string x = "input";
        var steps = new OnnxPreprocessing(graph);
        foreach (IFittedTransform transform in preprocessing)
            x = steps.Emit(transform.State, x, ref shape);
        long[] modelInput = [.. plan.Input.Dims.Select(d => (long)d)];
        if (!shape.SequenceEqual(modelInput))
            x = graph.Node("Reshape", "model_input", [x, graph.Int64s("model_input_shape", [-1, .. modelInput])]);

        var weights = module.state_dict();
        ModelSpec spec = Lowerer.Model(plan);
        string logits = new OnnxLayers(graph, weights).Emit(spec.Layers, x);
        long?[] output = [null, .. plan.Output.Dims.Select(d => (long?)d)];
        if (spec.OutputsProbabilities && classes > 0)
        {
            // The model ends in softmax: its output already is the probabilities (no `logits` output).
            graph.Output(graph.Node("Identity", "probabilities", [logits]), output);
        }
        else
        {
            logits = graph.Node("Identity", "logits", [logits]);
            graph.Output(logits, output);
            if (classes > 0)
                graph.Output(graph.Node("Softmax", "probabilities", [logits], ("axis", 1L)), output);
        }
        byte[] model = graph.ToModel(plan.Name, typeof(OnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "0");
        AtomicFile.Write(path, stream => stream.Write(model));
    }
}

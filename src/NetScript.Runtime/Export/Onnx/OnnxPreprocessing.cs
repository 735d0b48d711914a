using NetScript.Data;

namespace NetScript.Runtime.Export.Onnx;

/// <summary>Writes fitted preprocessing as ONNX operators with its statistics as constants:
/// zero-center and standardize as Sub/Div, min-max as Sub/Mul/Add, scale as Mul, PCA as
/// Flatten, Sub and MatMul (then Div by √(λ + eps) when whitening), ZCA as the same MatMul
/// with its matrix, reshaped back to the sample shape. Constants keep the statistics' (1, …)
/// shapes, so they broadcast over the batch as they do in NetScript.</summary>
internal sealed class OnnxPreprocessing(OnnxGraph graph)
{
    /// <param name="shape">The sample shape the step receives; updated to what it gives.</param>
    public string Emit(TransformState step, string x, ref long[] shape)
    {
        string name = "preprocess_" + step.Kind;
        switch (step.Kind)
        {
            case CenterTransform.Name:
                return graph.Node("Sub", name, [x, Stat(step, "mean", name)]);
            case StandardizeTransform.Name:
            {
                float eps = (float)Number(step, "eps");
                StateTensor std = step.Tensors["std"];
                string divisor = graph.Constant(name + ".std_eps", std.Shape, std.Values.Select(v => v + eps).ToArray());
                return graph.Node("Div", name, [graph.Node("Sub", name + "_centered", [x, Stat(step, "mean", name)]), divisor]);
            }
            case MinMaxTransform.Name:
            {
                float low = (float)Number(step, "low"), high = (float)Number(step, "high");
                StateTensor min = step.Tensors["min"], max = step.Tensors["max"];
                float[] scale = min.Values.Zip(max.Values, (a, b) => b - a > 0 ? (1f / (b - a)) * (high - low) : high - low).ToArray();
                string shifted = graph.Node("Sub", name + "_shifted", [x, Stat(step, "min", name)]);
                string scaled = graph.Node("Mul", name + "_scaled", [shifted, graph.Constant(name + ".scale", min.Shape, scale)]);
                return graph.Node("Add", name, [scaled, graph.Scalar(name + ".low", low)]);
            }
            case ScaleTransform.Name:
                return graph.Node("Mul", name, [x, graph.Scalar(name + ".factor", (float)Number(step, "factor"))]);
            case PcaTransform.Name:
            {
                StateTensor components = step.Tensors["components"]; // (D, k)
                string projected = graph.Node("MatMul", name, [Centered(step, x, name), Stat(step, "components", name)]);
                shape = [components.Shape[1]];
                if (step.Parameters["whiten"] != "true") return projected;
                float eps = (float)Number(step, "eps");
                float[] root = step.Tensors["variances"].Values.Select(v => MathF.Sqrt(v + eps)).ToArray();
                return graph.Node("Div", name + "_whitened", [projected, graph.Constant(name + ".root_variances", [root.Length], root)]);
            }
            case ZcaTransform.Name:
            {
                string rotated = graph.Node("MatMul", name, [Centered(step, x, name), Stat(step, "matrix", name)]);
                return graph.Node("Reshape", name + "_sample", [rotated, graph.Int64s(name + ".shape", [-1, .. shape])]);
            }
            default:
                throw new ExportException($"preprocessing `{step.Kind}` has no ONNX equivalent in NetScript's exporter");
        }
    }

    /// <summary>(N, …) → (N, D) minus the fitted mean.</summary>
    string Centered(TransformState step, string x, string name) =>
        graph.Node("Sub", name + "_centered", [graph.Node("Flatten", name + "_flat", [x], ("axis", 1L)), Stat(step, "mean", name)]);

    string Stat(TransformState step, string key, string name) =>
        graph.Constant($"{name}.{key}", step.Tensors[key].Shape, step.Tensors[key].Values);

    static double Number(TransformState step, string key) =>
        double.Parse(step.Parameters[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}

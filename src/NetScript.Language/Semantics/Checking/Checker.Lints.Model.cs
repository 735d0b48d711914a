using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Lints of a model's layers and `init` line (activation functions and
/// weight initialisation).</summary>
internal sealed partial class Checker
{
    /// <summary>Deep enough for vanishing signals to matter: three hidden weight layers and an
    /// output layer (as demonstrated on a 6-layer net; two-layer nets train either way).</summary>
    const int DeepWeightLayers = 4;

    /// <summary>Activations shrinking below this fraction of their input scale count as vanishing.</summary>
    const double VanishingScale = 0.1;

    void LintDefinition(ModelDefinition model)
    {
        var layers = model.Layers;
        int affine = LayerRoles.AffineCount(layers);
        if (model.Init is { } init && affine >= 2 && SymmetricValue(init) is { } value)
            Warn(DiagnosticCatalog.SymmetricInit, init.Span, _source.ToString(init.Span), model.Name, value);

        if (model.Init is { Kind: "xavier" or "glorot" } xavier && xavier.Arguments.Number("gain") < 1.4
            && LayerRoles.HiddenAffine(layers).Select(i => LayerRoles.ActivationAfter(layers, i)).FirstOrDefault(a => a is not null && LayerRoles.IsRectifier(a)) is { } rectifier)
        {
            string kaiming = rectifier.Kind == "leaky_relu"
                ? $"init kaiming nonlinearity=leaky_relu alpha={Number(rectifier.Arguments.Number("alpha"))}"
                : "init kaiming";
            Warn(DiagnosticCatalog.XavierWithRelu, xavier.Span, _source.ToString(xavier.Span), model.Name, rectifier.Kind, kaiming);
        }

        if (affine < DeepWeightLayers) return;
        for (int i = 0; i < layers.Length; i++)
        {
            if (!LayerRoles.IsSaturating(layers[i]) || !LayerRoles.AffineAfter(layers, i) || LayerRoles.NormalisedBefore(layers, i)) continue;
            Warn(DiagnosticCatalog.SaturatingHidden, layers[i].Span, layers[i].Kind, model.Name, affine);
            return;
        }
    }

    /// <summary>The one value every weight starts at ("0"), or null when weights are random.</summary>
    static string? SymmetricValue(InitSettings init) => init.Kind switch
    {
        "zeros" => "0",
        "constant" => Number(init.Arguments.Number("value")),
        "normal" when init.Arguments.Number("std") == 0 => Number(init.Arguments.Number("mean")),
        _ => null,
    };

    /// <summary>Small random init (`init normal 0.01`) in a deep model: estimates how the scale of
    /// the activations changes through the hidden layers (each multiplies it by std·√fan_in and
    /// the activation's gain; batchnorm resets it) and warns when it collapses.</summary>
    void LintInitScale(ModelPlan plan, ModelDefinition? here, TextSpan fallback)
    {
        if (plan.Init is not { Kind: "normal" } init || init.Arguments.Number("mean") != 0 || init.Arguments.Number("std") == 0) return;
        var layers = plan.Layers.Select(l => l.Layer).ToList();
        if (LayerRoles.AffineCount(layers) < DeepWeightLayers) return;
        double std = init.Arguments.Number("std"), scale = 1, smallest = 1;
        int at = -1;
        foreach (int i in LayerRoles.HiddenAffine(layers))
        {
            if (LayerRoles.NormalisedAfter(layers, i))
            {
                scale = 1; // batchnorm rescales whatever comes in
                continue;
            }
            scale *= std * Math.Sqrt(LayerRoles.FanIn(plan.Layers[i])) * LayerRoles.Gain(LayerRoles.ActivationAfter(layers, i));
            if (scale < smallest) (smallest, at) = (scale, i);
        }
        if (smallest >= VanishingScale) return;
        string fraction = smallest < 1e-12 ? "nothing" : "1/" + Math.Round(1 / smallest).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Warn(DiagnosticCatalog.SmallInitDeep, here is null ? fallback : init.Span, $"init normal {Number(std)}", plan.Name,
            LayerRoles.AffineCount(layers), fraction, LayerNames.Of(layers)[at]);
    }

    /// <summary>An activation at the end of a model whose loss squashes the scores itself.</summary>
    void LintOutputActivation(ModelPlan plan, LossSettings loss, ModelDefinition? here, TextSpan fallback)
    {
        string? squash = loss.Kind switch
        {
            "cross_entropy" => "softmax",
            "binary_cross_entropy" or "multilabel_logistic" => "sigmoid",
            _ => null,
        };
        LayerDefinition? last = plan.Layers.Select(l => l.Layer).LastOrDefault(l => l.Kind is not ("dropout" or "flatten"));
        if (squash is null || last is null || !(LayerRoles.IsActivation(last) || last.Kind == "softmax")) return;
        if (last.Kind == "softmax" && loss.Kind == "cross_entropy") return; // it then reads probabilities (log p_y), no second softmax
        string effect = LayerRoles.IsSaturating(last) || last.Kind == "softmax"
            ? $"the scores are squashed twice (a double {squash})"
            : "negative scores are cut or bent, so a wrong class cannot be scored far below the right one";
        Warn(DiagnosticCatalog.DoubleActivation, here is null ? fallback : last.Span, plan.Name, last.Kind, loss.Kind, squash, effect);
    }
}

using NetScript.Runtime.Export;

namespace NetScript.Hosting;

/// <summary><c>netscript predict</c> for hosts: runs a model file on a data file and writes
/// the predictions (<see cref="Predictor"/>); hosts see the plain summary only.</summary>
public static class Prediction
{
    public static PredictionResult Run(string model, string data, string output, string? label) =>
        Predictor.Predict(model, data, output, label);
}

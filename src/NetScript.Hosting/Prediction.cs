using System.Globalization;
using NetScript.Data;
using NetScript.Runtime.Export;

namespace NetScript.Hosting;

/// <summary><c>netscript predict</c> for hosts: runs a model file on a data file and writes
/// the predictions (<see cref="Predictor"/>). Hosts get the summary line to print, or why it
/// failed (a missing file, wrong columns, not a model file).</summary>
public static class Prediction
{
    public static (string? Summary, string? Error) Run(string model, string data, string output, string? label)
    {
        try
        {
            PredictionResult result = Predictor.Predict(model, data, output, label);
            string what = result.Classes > 0 ? $"probabilities of {result.Classes} classes and the predicted class" : "the model's outputs";
            string accuracy = result.Accuracy is { } a ? string.Format(CultureInfo.InvariantCulture, "; accuracy against `label` {0:0.0000}", a) : "";
            return (string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} rows, {2} ({3:0} rows/s){4}",
                output, result.Rows, what, result.RowsPerSecond, accuracy), null);
        }
        catch (Exception e) when (e is ExportException or DataException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }
}

namespace NetScript.Data;

/// <summary>What the label column holds: class indices 0 … K−1, or real-valued targets.</summary>
public enum DatasetTask
{
    Classification,
    Regression,
}

namespace NetScript.Language.Semantics;

/// <summary>What an export writes, decided by the target's extension.</summary>
public enum ExportFormat
{
    /// <summary>A NetScript model file (<c>.nnsm</c>): safetensors weights, architecture, preprocessing.</summary>
    Model,

    /// <summary>An ONNX model (<c>.onnx</c>) with its preprocessing as operators.</summary>
    Onnx,

    /// <summary>A dataset as Parquet (<c>.parquet</c>).</summary>
    Dataset,
}

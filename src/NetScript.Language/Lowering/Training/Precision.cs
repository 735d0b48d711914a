namespace NetScript.Language.Lowering;

/// <summary>`train … precision=`: the number format of convolutions and dense layers while training.</summary>
public enum Precision
{
    Fp32,

    /// <summary>bfloat16 arithmetic under libtorch's CPU autocast; weights, optimizer state,
    /// batchnorm statistics and the loss stay fp32.</summary>
    Bf16,
}

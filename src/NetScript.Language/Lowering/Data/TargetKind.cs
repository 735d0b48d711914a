namespace NetScript.Language.Lowering;

/// <summary>What a table's label column holds: class indices or real values.</summary>
public enum TargetKind
{
    Classification,
    Regression,
}

namespace NetScript.Language.Semantics;

/// <summary>A constant a script expression evaluates to. Carries no syntax, so checked
/// pipelines can hold values without holding syntax nodes.</summary>
public abstract record Value
{
    /// <summary>How the value reads in messages: "a list", "`per_channel`".</summary>
    public abstract string Describe();
}

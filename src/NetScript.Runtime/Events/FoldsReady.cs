namespace NetScript.Runtime.Events;

/// <summary>A <c>kfold</c> statement cut <see cref="Rows"/> rows of <see cref="Source"/> into
/// <see cref="K"/> held-out parts of <see cref="Smallest"/> to <see cref="Largest"/> rows.</summary>
public sealed record FoldsReady(string Name, string Source, int K, long Rows, long Smallest, long Largest, bool Stratified) : RunEvent;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>A checkpoint cannot be resumed from (wrong file, another model, other settings);
/// the message says why, for the NS0710 diagnostic.</summary>
public sealed class CheckpointException(string reason) : Exception(reason);

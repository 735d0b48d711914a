namespace NetScript.Bench;

/// <summary>One training epoch: its wall time, and the process's resident memory at its end
/// (memory must stay flat from epoch to epoch: no tensor may leak per step or epoch).</summary>
public readonly record struct EpochMeasure(double Seconds, double ResidentMegabytes);

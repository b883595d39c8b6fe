namespace DmaActors.Cluster;

/// <summary>How a work item ended.</summary>
public enum ItemStatus
{
    /// <summary>It ran and its checks passed.</summary>
    Passed,

    /// <summary>It ran and a check failed (a seed whose data failed verification).</summary>
    Failed,

    /// <summary>It could not run: the input was refused (the payload says why). The job ends with that message.</summary>
    Refused,
}

namespace DmaActors.Cluster;

/// <summary>The cluster went away under a node: the coordinator lost (on a worker), or the coordinator's own node downed or stopped.</summary>
public sealed class ClusterLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterLostException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ClusterLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ClusterLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

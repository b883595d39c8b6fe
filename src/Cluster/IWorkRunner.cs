namespace DmaActors.Cluster;

/// <summary>Runs the work items of one job on a worker; <see cref="Run"/> is called from several threads at once (one per slot).</summary>
public interface IWorkRunner
{
    /// <summary>Runs item <paramref name="item"/> (0-based) to the end and says how it went.</summary>
    ItemResult Run(int item);
}

namespace DmaActors.Runtime;

/// <summary>Which dispatcher runs the system's actors.</summary>
public enum DispatcherKind
{
    /// <summary>Real concurrency on every core, for throughput.</summary>
    ThreadPool,

    /// <summary>One thread, a seeded choice of the next actor at every step: same seed, same run.</summary>
    Deterministic,
}

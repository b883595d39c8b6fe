namespace DmaActors.Runtime;

/// <summary>Which dispatcher runs a simulated world's actors.</summary>
public enum DispatcherKind
{
    /// <summary>Real concurrency on every core, with a count of work in flight so that quiescence is known.</summary>
    ThreadPool,

    /// <summary>One thread at a time, a seeded choice of the next mailbox at every step: same seed, same run.</summary>
    Deterministic,
}

namespace DmaActors.Benchmarks;

/// <summary>
/// The actor runtimes the messaging benchmarks compare, in one run: stock Akka.NET as it ships
/// (the baseline of the "Ratio to Akka" column, <see cref="RatioToAkkaColumn"/>), and Akka.NET with
/// our simulated world on the virtual clock, on each of our two dispatchers.
/// </summary>
public enum ActorRuntime
{
    /// <summary>
    /// <c>ActorSystem.Create</c> with Akka.NET's own default dispatcher (the .NET thread pool) and
    /// scheduler; HOCON sets only the log levels and the dispatcher's throughput.
    /// </summary>
    StockAkka,

    /// <summary>
    /// <c>Simulation.Create</c> with <see cref="Runtime.DispatcherKind.ThreadPool"/> on
    /// <see cref="Runtime.ClockKind.Virtual"/>: our counting thread-pool dispatcher, which keeps a
    /// count of work in flight so that quiescence is known, and our mailbox.
    /// </summary>
    CountingPool,

    /// <summary>
    /// <c>Simulation.Create</c> with <see cref="Runtime.DispatcherKind.Deterministic"/>: one seeded
    /// choice of mailbox per step, one message per step, on the thread that drives the world (held:
    /// the benchmark drives it inside the measured operation).
    /// </summary>
    Deterministic,
}

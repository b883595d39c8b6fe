using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>
/// The messages the benchmark actors exchange. Payload-free messages are singletons, as in
/// Akka.NET's PingPong, so a Tell allocates nothing and the figures measure the runtime alone.
/// </summary>
internal static class BenchMessages
{
    /// <summary>The ball of a ping-pong and of the many-pairs benchmark.</summary>
    internal sealed class Ping
    {
        public static readonly Ping Instance = new();

        private Ping() { }
    }

    /// <summary>One unit for a counting actor.</summary>
    internal sealed class Increment
    {
        public static readonly Increment Instance = new();

        private Increment() { }
    }

    /// <summary>Starts a pinger: bounce the ball <see cref="RoundTrips"/> times, then signal <see cref="Done"/>.</summary>
    internal sealed record StartPingPong(int RoundTrips, Completion Done);

    /// <summary>Starts a throughput client: <see cref="Repeats"/> round trips, <see cref="InFlight"/> at a time.</summary>
    internal sealed record StartClient(long Repeats, int InFlight, Completion Done);

    /// <summary>Arms a counting actor: signal <see cref="Done"/> after <see cref="Total"/> increments.</summary>
    internal sealed record ExpectCount(long Total, Completion Done);

    /// <summary>Has a <see cref="TerminationWatcher"/> watch <see cref="Actors"/> and signal <see cref="Stopped"/> once per termination.</summary>
    internal sealed record WatchAll(IReadOnlyList<IActorRef> Actors, Completion Stopped);
}

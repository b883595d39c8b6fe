using Akka.Actor;
using Akka.TestKit;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.TestKit;

/// <summary>
/// Expectations in virtual time for Akka's <c>TestKit</c> and <c>TestProbe</c> on a simulated
/// world: each drives the world (runs it, moving virtual time from timer to timer) instead of
/// waiting on the wall clock, so "within 5 µs" means 5 µs of simulated time and "no message for
/// 1 s" costs no second of the test's.
/// </summary>
/// <remarks>
/// The overloads are told apart from Akka's wall-clock ones by taking a <see cref="Duration"/>.
/// A message that arrives exactly at the limit counts as within it.
/// </remarks>
public static class VirtualTimeExpectations
{
    /// <summary>Expects a <typeparamref name="T"/> (matching <paramref name="predicate"/>) as the next message, within <paramref name="within"/> of virtual time.</summary>
    /// <exception cref="ExpectationFailedException">No message came, or another one did.</exception>
    public static T ExpectMsg<T>(this TestKitBase probe, Duration within, Func<T, bool>? predicate = null, string? hint = null)
    {
        var (message, why) = ReceiveOne(probe, within);
        if (message is null) throw new ExpectationFailedException($"Expected a {typeof(T).Name}{Hint(hint)} within {within} of virtual time, but {why}.");
        if (message is not T typed)
            throw new ExpectationFailedException($"Expected a {typeof(T).Name}{Hint(hint)}, but got {Describe(message)}.");
        if (predicate is not null && !predicate(typed))
            throw new ExpectationFailedException($"The {typeof(T).Name} received{Hint(hint)} does not match the expectation: {typed}.");
        return typed;
    }

    /// <summary>Expects no message at all for <paramref name="during"/> of virtual time (the clock moves by exactly that much).</summary>
    /// <exception cref="ExpectationFailedException">A message came.</exception>
    public static void ExpectNoMsg(this TestKitBase probe, Duration during)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var world = probe.Sys.Simulation();
        long deadline = (world.Clock.Now + during).Nanoseconds;
        world.RunUntil(() => probe.HasMessages, during);
        if (probe.HasMessages)
        {
            var message = probe.ReceiveOne(TimeSpan.Zero);
            throw new ExpectationFailedException($"Expected no message for {during} of virtual time, but got {Describe(message)} after {Duration.FromNanoseconds(world.Clock.NowNanoseconds - (deadline - during.Nanoseconds))}.");
        }
        // RunUntil stops early when the world is idle: the silence lasts the whole span either way.
        if (world.Clock.NowNanoseconds < deadline) world.Advance(Duration.FromNanoseconds(deadline - world.Clock.NowNanoseconds));
    }

    /// <summary>Expects <paramref name="count"/> messages, all within <paramref name="within"/> of virtual time.</summary>
    /// <exception cref="ExpectationFailedException">Fewer came.</exception>
    public static IReadOnlyList<object> ReceiveN(this TestKitBase probe, int count, Duration within)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var world = probe.Sys.Simulation();
        long deadline = (world.Clock.Now + within).Nanoseconds;
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var left = Duration.FromNanoseconds(Math.Max(0, deadline - world.Clock.NowNanoseconds));
            var (message, why) = ReceiveOne(probe, left);
            if (message is null) throw new ExpectationFailedException($"Expected {count} messages within {within} of virtual time, but got {received.Count}: {why}.");
            received.Add(message);
        }
        return received;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="predicate"/>, within <paramref name="within"/> of virtual time.</summary>
    /// <exception cref="ExpectationFailedException">None came.</exception>
    public static T FishForMessage<T>(this TestKitBase probe, Func<T, bool> predicate, Duration within)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(predicate);
        var world = probe.Sys.Simulation();
        long deadline = (world.Clock.Now + within).Nanoseconds;
        var skipped = new List<object>();
        while (true)
        {
            var left = Duration.FromNanoseconds(Math.Max(0, deadline - world.Clock.NowNanoseconds));
            var (message, why) = ReceiveOne(probe, left);
            if (message is null)
                throw new ExpectationFailedException($"Expected a matching {typeof(T).Name} within {within} of virtual time, but {why}; skipped: [{string.Join(", ", skipped.Select(Describe))}].");
            if (message is T typed && predicate(typed)) return typed;
            skipped.Add(message);
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (which the probe must watch) within <paramref name="within"/> of virtual time.</summary>
    public static Terminated ExpectTerminated(this TestKitBase probe, IActorRef target, Duration within) =>
        ExpectMsg<Terminated>(probe, within, t => t.ActorRef.Equals(target), $"for {target?.Path}");

    /// <summary>
    /// Runs <paramref name="block"/> (which drives the world) and checks that it took between
    /// <paramref name="min"/> and <paramref name="max"/> of virtual time.
    /// </summary>
    /// <exception cref="ExpectationFailedException">It took less or more.</exception>
    public static void Within(this TestKitBase kit, Duration min, Duration max, Action block)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(block);
        var clock = kit.Sys.Simulation().Clock;
        long start = clock.NowNanoseconds;
        block();
        var took = Duration.FromNanoseconds(clock.NowNanoseconds - start);
        if (took < min || took > max)
            throw new ExpectationFailedException($"The block took {took} of virtual time, outside [{min}, {max}].");
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> until it stops throwing, driving <paramref name="world"/>
    /// for <paramref name="interval"/> of its time between tries, for at most <paramref name="duration"/>.
    /// </summary>
    /// <exception cref="ExpectationFailedException">It still failed when the time ran out or nothing was left to run.</exception>
    public static void AwaitAssert(SimulatedWorld world, Action assertion, Duration duration, Duration interval)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(assertion);
        long deadline = (world.Clock.Now + duration).Nanoseconds;
        while (true)
        {
            Exception failure;
            try
            {
                assertion();
                return;
            }
            catch (Exception assertionFailure)
            {
                failure = assertionFailure;
            }
            long left = deadline - world.Clock.NowNanoseconds;
            var outcome = left > 0 ? world.RunUntil(static () => false, Duration.FromNanoseconds(Math.Min(left, interval.Nanoseconds))) : RunOutcome.TimedOut;
            if (left > 0 && outcome != RunOutcome.Idle) continue;
            // One last try after the final drive, then give up with the reason.
            try
            {
                assertion();
                return;
            }
            catch (Exception last)
            {
                failure = last;
            }
            string why = outcome == RunOutcome.Idle ? "nothing was left to run" : $"{duration} of virtual time had passed";
            throw new ExpectationFailedException($"The assertion still failed when {why}: {failure.Message}");
        }
    }

    /// <summary>The next message, driving the world for at most <paramref name="within"/>; null if none came, with why.</summary>
    private static (object? Message, string Why) ReceiveOne(TestKitBase probe, Duration within)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var outcome = RunOutcome.ConditionMet;
        if (!probe.HasMessages) outcome = probe.Sys.Simulation().RunUntil(() => probe.HasMessages, within);
        if (probe.HasMessages) return (probe.ReceiveOne(TimeSpan.Zero), "");
        return (null, outcome == RunOutcome.Idle ? "no message came and nothing is left to run" : "no message came in time");
    }

    private static string Hint(string? hint) => hint is null ? "" : $" ({hint})";

    private static string Describe(object? message) => message is null ? "nothing" : $"{message.GetType().Name} {message}";
}

using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.TestKit;

// The expectations, in Akka.TestKit's vocabulary.
public sealed partial class TestProbe
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> (satisfying <paramref name="predicate"/>) and returns it.</summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate = null, Duration? timeout = null, string? hint = null)
    {
        string what = $"a {typeof(T).Name}{(hint is null ? "" : $" ({hint})")}";
        var message = ReceiveOne(timeout, what);
        if (message is not T typed)
            throw new ExpectationFailedException($"{Ref.Path} expected {what} but got {Describe(message)} from {LastSender.Path}.");
        if (predicate is not null && !predicate(typed))
            throw new ExpectationFailedException($"{Ref.Path} expected {what} matching the predicate but got {Describe(message)} from {LastSender.Path}.");
        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, Duration? timeout = null) where T : notnull =>
        ExpectMsg<T>(actual => EqualityComparer<T>.Default.Equals(actual, expected), timeout, $"equal to {expected}");

    /// <summary>Expects no message for <paramref name="duration"/> of system time (on the virtual clock the clock moves that far).</summary>
    public void ExpectNoMsg(Duration duration)
    {
        long deadline = (System.Clock.Now + duration).Nanoseconds;
        var outcome = System.RunUntil(() => !_inbox.IsEmpty, duration);
        if (_inbox.TryPeek(out var unexpected))
            throw new ExpectationFailedException($"{Ref.Path} expected no message for {duration} but got {Describe(unexpected.Message)} from {unexpected.Sender.Path}.");
        // Nothing left to run: the span passes with nothing happening in it.
        if (outcome == RunOutcome.Idle && System.Clock.IsVirtual) System.Advance(Duration.FromNanoseconds(Math.Max(0, deadline - System.Clock.NowNanoseconds)));
    }

    /// <summary>Expects no message among what is runnable now, without moving the clock.</summary>
    public void ExpectNoMsg()
    {
        System.RunUntilIdle();
        if (_inbox.TryPeek(out var unexpected))
            throw new ExpectationFailedException($"{Ref.Path} expected no message but got {Describe(unexpected.Message)} from {unexpected.Sender.Path}.");
    }

    /// <summary>Receives exactly <paramref name="count"/> messages within <paramref name="timeout"/> (overall) and returns them in arrival order.</summary>
    public IReadOnlyList<object> ReceiveN(int count, Duration? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var limit = timeout ?? DefaultTimeout;
        long deadline = (System.Clock.Now + limit).Nanoseconds;
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var left = Duration.FromNanoseconds(Math.Max(0, deadline - System.Clock.NowNanoseconds));
            received.Add(ReceiveOne(left, $"message {received.Count + 1} of {count}"));
        }
        return received;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> for which <paramref name="isTheOne"/> holds, and returns it.</summary>
    public T FishForMessage<T>(Func<T, bool> isTheOne, Duration? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var limit = timeout ?? DefaultTimeout;
        long deadline = (System.Clock.Now + limit).Nanoseconds;
        var skipped = new List<string>();
        while (true)
        {
            var left = Duration.FromNanoseconds(Math.Max(0, deadline - System.Clock.NowNanoseconds));
            object message;
            try
            {
                message = ReceiveOne(left, $"a {typeof(T).Name} the fishing predicate accepts");
            }
            catch (ExpectationFailedException missing)
            {
                throw new ExpectationFailedException($"{missing.Message} Skipped: [{string.Join(", ", skipped)}].");
            }
            if (message is T typed && isTheOne(typed)) return typed;
            skipped.Add(Describe(message));
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="actor"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef actor, Duration? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExpectMsg<Terminated>(t => t.Actor.Equals(actor), timeout, $"Terminated of {actor.Path}");
    }

    /// <summary>
    /// Runs <paramref name="body"/> and checks that it took between <paramref name="min"/> and
    /// <paramref name="max"/> of system time (virtual time is exact, so this is a safe assertion).
    /// </summary>
    public T Within<T>(Duration min, Duration max, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var start = System.Clock.Now;
        var result = body();
        var took = System.Clock.Now - start;
        if (took < min || took > max)
            throw new ExpectationFailedException($"The block took {took} of {TimeKind}, outside [{min}, {max}].");
        return result;
    }

    /// <summary>Runs <paramref name="body"/> and checks it took at most <paramref name="max"/> of system time.</summary>
    public void Within(Duration max, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Within(Duration.Zero, max, () => { body(); return 0; });
    }

    internal static string Describe(object message) => $"{message.GetType().Name} {message}";
}

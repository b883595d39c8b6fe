namespace DmaActors.Runtime.Events;

/// <summary>
/// Publish/subscribe by type: a subscriber to <c>T</c> receives every published event that is a
/// <c>T</c> (subclasses included). Log events, <see cref="DeadLetter"/>, <see cref="UnhandledMessage"/>
/// and <see cref="ActorFailed"/> all flow through it.
/// </summary>
/// <remarks>
/// Copy-on-write: publishing reads an immutable array and never takes a lock, so a subscriber
/// that is itself being (un)subscribed never blocks a publisher.
/// </remarks>
public sealed class EventStream
{
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>Delivers every later event assignable to <paramref name="channel"/> to <paramref name="subscriber"/>.</summary>
    public void Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        Update(current => current.Contains((subscriber, channel)) ? current : [.. current, (subscriber, channel)]);
    }

    /// <summary>Typed form of <see cref="Subscribe(IActorRef, Type)"/>.</summary>
    public void Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Stops delivering <paramref name="channel"/> (every channel when null) to <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber, Type? channel = null) =>
        Update(current => [.. current.Where(s => !(s.Subscriber.Equals(subscriber) && (channel is null || s.Channel == channel)))]);

    /// <summary>Sends <paramref name="event"/> to every subscriber of a type it is assignable to.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var (subscriber, channel) in Volatile.Read(ref _subscriptions))
        {
            if (channel.IsAssignableFrom(type)) subscriber.Tell(@event);
        }
    }

    private void Update(Func<(IActorRef Subscriber, Type Channel)[], (IActorRef Subscriber, Type Channel)[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _subscriptions);
            if (Interlocked.CompareExchange(ref _subscriptions, change(current), current) == current) return;
        }
    }
}

using System.Collections.Concurrent;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// A ref that is not an actor: every Tell is recorded at once, on the caller's thread. It lives
/// outside the system, so it keeps recording while the system shuts down (when probes, being
/// actors, have stopped too) and after; subscribe it to the event stream or pass it as a reporter.
/// </summary>
internal sealed class RecordingRef(string path = "/test/recording") : IActorRef
{
    private readonly ConcurrentQueue<object> _messages = new();

    public string Path { get; } = path;

    /// <summary>Everything told so far, in the order it was told.</summary>
    public IReadOnlyList<object> Messages => [.. _messages];

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
    }

    /// <summary>The recorded messages of type <typeparamref name="T"/>, in order.</summary>
    public IReadOnlyList<T> OfType<T>() => [.. _messages.OfType<T>()];

    public override string ToString() => Path;
}

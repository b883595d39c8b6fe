namespace DmaActors.Runtime;

/// <summary>How <see cref="ActorSystem.Shutdown"/> stops the actors.</summary>
public enum ShutdownMode
{
    /// <summary>Let every actor finish what is already queued (the system goes quiescent), then stop them all.</summary>
    Graceful,

    /// <summary>Stop every actor after the message it is handling; what is still queued goes to dead letters.</summary>
    Immediate,
}

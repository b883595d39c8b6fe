namespace DmaActors.Runtime;

/// <summary>
/// A blocking call on a simulated world that could never return: a blocking ask, advance or run
/// from inside an actor (whose own mailbox cannot run while it waits), or a quiescent world with
/// nothing left that could produce the reply. Thrown at once instead of hanging.
/// </summary>
public sealed class ActorDeadlockException(string message, Exception? inner = null) : Exception(message, inner);

namespace DmaActors.Runtime;

/// <summary>Base of the kernel's own exceptions.</summary>
public class ActorException : Exception
{
    /// <summary>Creates one with a message and, optionally, a cause.</summary>
    public ActorException(string message, Exception? inner = null) : base(message, inner) { }
}

namespace DmaActors.Actors.Controller;

/// <summary>
/// A channel could not be allocated (<c>device_alloc_chan_resources</c> failed): on a dedicated
/// controller every hardware thread is bound to another channel (pl330, V-20).
/// </summary>
public sealed class ChannelAllocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">The kernel errno name (<c>ENOMEM</c>).</param>
    /// <param name="message">What failed and what to do.</param>
    public ChannelAllocationException(string errno, string message)
        : base(message)
    {
        Errno = errno;
    }

    /// <summary>The kernel errno name.</summary>
    public string Errno { get; }
}

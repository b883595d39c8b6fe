using DmaActors.Actors.Transfers;
using DmaActors.Runtime;

namespace DmaActors.Actors.Channels;

/// <summary>
/// Submits descriptors to one virtual channel without waiting for it (kernel twin:
/// <c>vchan_tx_submit</c>, which assigns the cookie under <c>vc-&gt;lock</c> and returns at once).
/// The cookie is handed out and the descriptor queued to the channel under one lock, so cookies
/// reach the channel in the order they were handed out whatever thread submits.
/// </summary>
/// <remarks>
/// A client that also submits through a reply-carrying <see cref="SubmitDescriptor"/> (where the
/// channel assigns the cookie when it takes the message) holds <see cref="Gate"/> until the reply,
/// so no cookie handed out here can overtake it.
/// </remarks>
public sealed class VirtualChannelSubmitter
{
    private readonly CookieCounter _cookies;

    internal VirtualChannelSubmitter(IActorRef channel, CookieCounter cookies)
    {
        Channel = channel;
        _cookies = cookies;
    }

    /// <summary>The virtual channel.</summary>
    public IActorRef Channel { get; }

    /// <summary>The channel's submit lock.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Allocates a descriptor for <paramref name="spec"/>, assigns its cookie and queues it (submitted, not issued).</summary>
    /// <param name="spec">What to transfer.</param>
    /// <param name="options">Flags and callback.</param>
    /// <returns>The cookie.</returns>
    public int Submit(TransferSpec spec, DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        lock (Gate)
        {
            int cookie = _cookies.Reserve();
            Channel.Tell(new SubmitNewDescriptor(spec, options, cookie));
            return cookie;
        }
    }
}

using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// The default mailbox of a simulated world (<c>akka.actor.default-mailbox.mailbox-type</c>):
/// makes a <see cref="SimulationMessageQueue"/> per actor, bound to the world found in the
/// system's config.
/// </summary>
public sealed class SimulationMailboxType : MailboxType, IProducesMessageQueue<SimulationMessageQueue>
{
    /// <summary>Called by Akka.</summary>
    public SimulationMailboxType(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <inheritdoc/>
    public override IMessageQueue Create(IActorRef owner, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new SimulationMessageQueue(owner, WorldRegistry.Find(system.Settings.Config));
    }
}

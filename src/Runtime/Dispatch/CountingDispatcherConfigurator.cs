using Akka.Configuration;
using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>Builds the <see cref="CountingDispatcher"/> of the world the system's config names, or of an attached world.</summary>
public sealed class CountingDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly CountingDispatcher _dispatcher;

    /// <summary>Called by Akka for a system created by <see cref="Simulation.Create"/>.</summary>
    public CountingDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : this(config, prerequisites, WorldRegistry.Find(prerequisites?.Settings.Config ?? throw new ArgumentNullException(nameof(prerequisites))))
    {
    }

    internal CountingDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites, SimulatedWorld world)
        : base(config, prerequisites)
    {
        ArgumentNullException.ThrowIfNull(world);
        _dispatcher = new CountingDispatcher(this, world, world.Settings.Throughput);
    }

    /// <inheritdoc/>
    public override MessageDispatcher Dispatcher() => _dispatcher;
}

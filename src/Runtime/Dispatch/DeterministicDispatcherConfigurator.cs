using Akka.Configuration;
using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>Builds the <see cref="DeterministicDispatcher"/> of the world the system's config names (HOCON <c>type</c> of a dispatcher).</summary>
public sealed class DeterministicDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly DeterministicDispatcher _dispatcher;

    /// <summary>Called by Akka.</summary>
    public DeterministicDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        ArgumentNullException.ThrowIfNull(prerequisites);
        var world = WorldRegistry.Find(prerequisites.Settings.Config);
        _dispatcher = new DeterministicDispatcher(this, world.Steps
            ?? throw new ConfigurationException("The deterministic dispatcher was configured for a world that runs on the thread pool."));
    }

    /// <inheritdoc/>
    public override MessageDispatcher Dispatcher() => _dispatcher;
}

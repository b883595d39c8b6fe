using Akka.Actor;
using Akka.Configuration;
using DmaActors.Runtime.Dispatch;

namespace DmaActors.Runtime;

/// <summary>
/// Creates simulated Akka.NET systems, or attaches a simulated world to a system a user already
/// has. Everything else is on the <see cref="SimulatedWorld"/> (<c>system.Simulation()</c>).
/// </summary>
public static class Simulation
{
    /// <summary>
    /// Creates an <see cref="ActorSystem"/> that is a simulated world: our dispatcher runs every
    /// mailbox (Akka's own included), the world's clock drives Akka's scheduler, Akka logs through
    /// Akka.Logger.Serilog. A deterministic world is held once started: it runs when driven.
    /// </summary>
    /// <param name="name">The system's name.</param>
    /// <param name="settings">Dispatcher, clock, seed and the rest; the thread pool on virtual time when null.</param>
    /// <param name="config">More HOCON; it wins over ours where both set a key (do not replace the dispatcher, mailbox or scheduler).</param>
    /// <exception cref="ArgumentException">The settings are inconsistent (the message says how).</exception>
    public static ActorSystem Create(string name, SimulationSettings? settings = null, Config? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (world, hocon) = Prepare(settings ?? new SimulationSettings());
        try
        {
            var system = ActorSystem.Create(name, config is null ? hocon : config.WithFallback(hocon));
            world.Bind(system);
            return system;
        }
        catch
        {
            world.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gives <paramref name="system"/>, created by someone else with Akka's own dispatcher and
    /// scheduler, a simulated world of its own: a counting dispatcher registered as
    /// <see cref="SimulatedWorld.DispatcherId"/> and a clock. Actors started with that dispatcher
    /// (a DMA controller, say) live on the world's time; the rest of the system is untouched.
    /// Start them with <see cref="SimulatedWorld.ActorOf"/>: Akka starts top-level actors through
    /// the user guardian, on the user's dispatcher, outside the world's count of work in flight.
    /// </summary>
    /// <param name="system">The user's system.</param>
    /// <param name="settings">Clock and the rest (the dispatcher is always the counting thread pool); virtual time when null.</param>
    /// <param name="dispatcherId">The id to register the world's dispatcher under.</param>
    /// <returns>The world.</returns>
    /// <exception cref="InvalidOperationException">The system already has a world.</exception>
    public static SimulatedWorld Attach(ActorSystem system, SimulationSettings? settings = null, string dispatcherId = "dmactors.simulation-dispatcher")
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.HasExtension<SimulatedWorld>() || WorldRegistry.TryFind(system.Settings.Config) is not null)
            throw new InvalidOperationException($"{system.Name} already has a simulated world.");
        var world = new SimulatedWorld((settings ?? new SimulationSettings()) with { Dispatcher = DispatcherKind.ThreadPool }, dispatcherId);
        // The system's mailboxes stay Akka's: its config cannot name our mailbox type any more.
        var config = ConfigurationFactory.ParseString($"id = \"{dispatcherId}\"").WithFallback(system.Dispatchers.DefaultDispatcherConfig);
        system.Dispatchers.RegisterConfigurator(dispatcherId, new CountingDispatcherConfigurator(config, system.Dispatchers.Prerequisites, world));
        world.Bind(system);
        world.StartRoot();
        return world;
    }

    /// <summary>A world for <paramref name="settings"/> and the HOCON that binds a system to it (for kits that create the system themselves).</summary>
    internal static (SimulatedWorld World, Config Config) Prepare(SimulationSettings settings)
    {
        var world = new SimulatedWorld(settings);
        return (world, SimulationConfig.For(world.Settings, world.Id));
    }
}

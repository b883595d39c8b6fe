using System.Collections.Concurrent;
using System.Globalization;
using Akka.Configuration;

namespace DmaActors.Runtime;

/// <summary>
/// Finds a simulated world from inside Akka, where only the system's config is at hand (Akka
/// builds its scheduler with nothing else): the config names the world's id at
/// <see cref="SimulationConfig.WorldPath"/>, and the world is registered here under it from
/// before the system is created until after it has terminated.
/// </summary>
internal static class WorldRegistry
{
    private static readonly ConcurrentDictionary<string, SimulatedWorld> Worlds = new();
    private static long _next;

    /// <summary>Registers <paramref name="world"/> under a new id and returns the id.</summary>
    public static string Add(SimulatedWorld world)
    {
        string id = "world-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        Worlds[id] = world;
        return id;
    }

    /// <summary>The world <paramref name="config"/> names, or null if it names none (not a simulated system).</summary>
    public static SimulatedWorld? TryFind(Config config)
    {
        var id = config.GetString(SimulationConfig.WorldPath, null);
        return id is not null && Worlds.TryGetValue(id, out var world) ? world : null;
    }

    /// <summary>The world <paramref name="config"/> names.</summary>
    /// <exception cref="ConfigurationException">The config names no world, or one that has gone.</exception>
    public static SimulatedWorld Find(Config config) =>
        TryFind(config) ?? throw new ConfigurationException(
            $"This ActorSystem's config names no simulated world at '{SimulationConfig.WorldPath}': create simulated systems with Simulation.Create, or attach a world to an existing system with Simulation.Attach.");

    public static void Remove(string id) => Worlds.TryRemove(id, out _);
}

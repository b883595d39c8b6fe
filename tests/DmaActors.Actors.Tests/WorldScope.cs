using Akka.Actor;
using DmaActors.Runtime;

namespace DmaActors.Actors.Tests;

/// <summary>A simulated system for the length of a <c>using</c> block, terminated at its end.</summary>
internal sealed class WorldScope : IDisposable
{
    public WorldScope(string name, SimulationSettings settings)
    {
        System = Simulation.Create(name, settings);
        World = System.Simulation();
    }

    public ActorSystem System { get; }

    public SimulatedWorld World { get; }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}

using Akka.Actor;

namespace DmaActors.Runtime.Tests;

/// <summary>A simulated system for the length of a <c>using</c> block, terminated at its end.</summary>
internal sealed class SimulatedWorldScope : IDisposable
{
    public SimulatedWorldScope(SimulationSettings settings, string name = "scope")
    {
        System = Simulation.Create(name, settings);
        World = System.Simulation();
    }

    public ActorSystem System { get; }

    public SimulatedWorld World { get; }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}

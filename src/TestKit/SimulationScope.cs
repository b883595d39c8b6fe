using Akka.Actor;
using DmaActors.Runtime;

namespace DmaActors.TestKit;

/// <summary>
/// A simulated system for the length of a <c>using</c> block, terminated at its end: for a test
/// that needs a world of its own beside its kit's (another dispatcher, another seed).
/// </summary>
public sealed class SimulationScope : IDisposable
{
    /// <summary>Creates the system (<see cref="Simulation.Create"/>).</summary>
    public SimulationScope(string name, SimulationSettings settings)
    {
        System = Simulation.Create(name, settings);
        World = System.Simulation();
    }

    /// <summary>The system.</summary>
    public ActorSystem System { get; }

    /// <summary>Its simulated world.</summary>
    public SimulatedWorld World { get; }

    /// <summary>Terminates the system, waiting up to ten seconds of wall time.</summary>
    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}

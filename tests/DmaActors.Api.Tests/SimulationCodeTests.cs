using System.Runtime.CompilerServices;
using DmaActors.Actors.Controller;

namespace DmaActors.Api.Tests;

/// <summary>
/// Simulation code runs inside a simulated world: an <c>await</c> there would continue on the
/// .NET thread pool, outside the world's dispatcher, its seed and its count of work in flight
/// (the build bans PipeTo, Task.Run, real timers and awaiting a task; this catches any async
/// method, whatever it awaits).
/// </summary>
public sealed class SimulationCodeTests
{
    [Theory]
    [InlineData(typeof(DmaController))]
    [InlineData(typeof(DmaEngine))]
    [InlineData(typeof(DmaActors.Mapping.Device))]
    [InlineData(typeof(DmaActors.Boards.SimulatedBoard))]
    [InlineData(typeof(DmaActors.DmaTest.DmaTestRunner))]
    public void A_simulation_assembly_contains_no_async_method(Type anyTypeOfTheAssembly)
    {
        var stateMachines = anyTypeOfTheAssembly.Assembly.GetTypes()
            .Where(t => typeof(IAsyncStateMachine).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(stateMachines.Count == 0, $"{anyTypeOfTheAssembly.Assembly.GetName().Name} has async methods: {string.Join(", ", stateMachines)}.");
    }
}

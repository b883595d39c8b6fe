using System.CommandLine;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary><c>dmactors demo</c>: the built-in board and mixed load.</summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var simulation = new SimulationOptions();
        var output = new OutputOptions(WorkloadTables.Names);
        var command = new Command("demo", "Run the built-in default: a BeagleBone Black (TI AM335x EDMA3) with SPI, UART, MMC and audio consumers under a mixed load.")
            .WithExample("dmactors demo --seed 1 --plot plots");
        simulation.AddTo(command);
        output.AddTo(command);
        command.SetAction(r => WorkloadCommand.Execute(
            DemoBoard(), simulation.WithLength(DemoScenario.Workload, r), simulation.Read(r), output.Read(r, environment), environment));
        return command;
    }

    /// <summary>The demo's board, parsed from the source the library carries.</summary>
    public static DtTree DemoBoard() => DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts");
}

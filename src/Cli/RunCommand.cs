using System.CommandLine;
using DmaActors.Cli.Output;

namespace DmaActors.Cli;

/// <summary><c>dmactors run BOARD</c>: a workload on a board described in device-tree source.</summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var board = new Argument<FileInfo>("board") { Description = "The board: a .dts (run through cpp when it has #include) or a .dtb." };
        var workload = new Option<FileInfo?>("--workload") { HelpName = "FILE", Description = "A workload JSON file; default: the built-in mixed load." };
        var simulation = new SimulationOptions();
        var output = new OutputOptions(WorkloadTables.Names);
        var command = new Command("run", "Run a workload on a board described in device-tree source.") { board, workload }
            .WithExample("dmactors run examples/boards/tour.dts --workload examples/boards/load.json");
        simulation.AddTo(command);
        output.AddTo(command);
        command.SetAction(r =>
        {
            if (!Inputs.TryLoad(r.GetValue(board)!, r.GetValue(workload), environment.Error, out var tree, out var loaded)) return ExitCodes.BadInput;
            return WorkloadCommand.Execute(tree!, simulation.WithLength(loaded!, r), simulation.Read(r), output.Read(r, environment), environment);
        });
        return command;
    }
}

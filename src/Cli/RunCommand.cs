using System.CommandLine;
using DmaActors.Cli.Output;

namespace DmaActors.Cli;

/// <summary><c>dmactors run BOARD</c>: a workload on a board described in device-tree source.</summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var board = new Argument<FileInfo>("board") { Description = "The board: a .dts (run through cpp when it has #include) or a .dtb." };
        var workload = new Option<FileInfo?>("--workload") { HelpName = "FILE", Description = "A workload JSON file; default: a load made from the board (each consumer's natural stream, one memcpy per controller)." };
        var preprocessor = new PreprocessorOptions();
        var simulation = new SimulationOptions();
        var output = new OutputOptions(WorkloadTables.Names);
        var command = new Command("run", "Run a workload on a board described in device-tree source.") { board, workload }
            .WithExample("dmactors run examples/boards/tour.dts --workload examples/boards/load.json");
        simulation.AddTo(command);
        output.AddTo(command);
        preprocessor.AddTo(command);
        command.SetAction(r =>
        {
            if (!Inputs.TryLoad(r.GetValue(board)!, r.GetValue(workload), preprocessor.From(r), environment.Error, out var tree, out var loaded)) return ExitCodes.BadInput;
            // No workload file: the load is made from the board, for --ms or 50 ms.
            return loaded is null
                ? WorkloadCommand.Execute(tree!, null, simulation.Length(r) ?? 50, simulation.Read(r), output.Read(r, environment), environment)
                : WorkloadCommand.Execute(tree!, simulation.WithLength(loaded, r), simulation.Read(r), output.Read(r, environment), environment);
        });
        return command;
    }
}

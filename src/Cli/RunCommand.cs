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
        var cma = CmaOption.Create("Reserve the cma= area on the board's RAM at boot, with its /reserved-memory CMA pools, and log where each landed (kernel rules CMA-2, CMA-4).");
        var command = new Command("run", "Run a workload on a board described in device-tree source.") { board, workload, cma }
            .WithExample("dmactors run examples/boards/tour.dts --workload examples/boards/load.json");
        simulation.AddTo(command);
        output.AddTo(command);
        preprocessor.AddTo(command);
        command.SetAction(r =>
        {
            if (!Inputs.TryLoad(r.GetValue(board)!, r.GetValue(workload), preprocessor.From(r), environment.Error, out var tree, out var loaded)) return ExitCodes.BadInput;
            var options = simulation.Read(r) with { Cma = r.GetValue(cma) };
            // No workload file: the load is made from the board, for --ms or 50 ms.
            return loaded is null
                ? WorkloadCommand.Execute(tree!, null, simulation.Length(r) ?? 50, options, output.Read(r, environment), environment)
                : WorkloadCommand.Execute(tree!, simulation.WithLength(loaded, r), options, output.Read(r, environment), environment);
        });
        return command;
    }
}

using System.CommandLine;
using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Cli;

/// <summary>
/// <c>dmactors board BOARD</c>: brings a board up without running anything and prints what it
/// found: every DMA controller and router (compatible, the model chosen or why none, channels,
/// request lines, routers' masters), every consumer's <c>dma-names</c> resolved to controller,
/// request line and cells with the peripheral model or why none, every deferral with its reason,
/// and every binding problem. Exit 2 when a binding has an error.
/// </summary>
internal static class BoardCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var preprocessor = new PreprocessorOptions();
        var json = new Option<bool>("--json") { Description = "Print the same as JSON." };
        var board = new Argument<FileInfo>("board") { Description = "The board: a .dts (run through cpp when it has #include, or -D is given) or a .dtb." };
        var command = new Command("board", "Show how a board comes up: DMA controllers and routers, each consumer's channels resolved, deferrals and binding problems.") { board, json };
        preprocessor.AddTo(command);
        command.SetAction(r => Run(r.GetValue(board)!, preprocessor.From(r), r.GetValue(json), environment));
        return command;
    }

    private static int Run(FileInfo boardFile, DtsLoadOptions options, bool json, CliEnvironment environment)
    {
        if (!Inputs.TryLoad(boardFile, null, options, environment.Error, out var tree, out _)) return ExitCodes.BadInput;
        using var logging = CommandLogging.Start(null, environment.Error);
        var system = Simulation.Create("board", SimulationSettings.Deterministic());
        try
        {
            var loaded = BoardLoader.Load(system, tree!);
            if (json) BoardReport.WriteJson(loaded, boardFile.FullName, environment.Out);
            else BoardReport.WriteText(loaded, boardFile.FullName, environment.Out);
            return loaded.Errors.Any() ? ExitCodes.BadInput : ExitCodes.Success;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }
}

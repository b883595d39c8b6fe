using System.CommandLine;
using DmaActors.Api;
using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.DmaTest;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;

namespace DmaActors.Cli;

/// <summary><c>dmactors dmatest</c>: the kernel's dmatest, with its module parameters as options, on a board's controllers.</summary>
internal static class DmaTestCommand
{
    public static Command Create(PreprocessorOptions preprocessor)
    {
        var board = new Option<FileInfo?>("--board") { Description = "The board; default: the built-in demo board (TI AM335x EDMA3)." };
        var channel = new Option<string>("--channel") { Description = "channel: a channel name such as dma0chan0 (empty: any).", DefaultValueFactory = _ => "" };
        var device = new Option<string>("--device") { Description = "device: a DMA device name (empty: any).", DefaultValueFactory = _ => "" };
        var threads = new Option<int>("--threads-per-chan") { Description = "threads_per_chan.", DefaultValueFactory = _ => 1 };
        var maxChannels = new Option<int>("--max-channels") { Description = "max_channels (0: all).", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--iterations") { Description = "iterations per thread (must be set: a simulation cannot run forever).", DefaultValueFactory = _ => 10 };
        var bufSize = new Option<int>("--test-buf-size") { Description = "test_buf_size in bytes.", DefaultValueFactory = _ => 16384 };
        var timeout = new Option<int>("--timeout") { Description = "timeout per transfer, ms of virtual time (-1: infinite).", DefaultValueFactory = _ => 3000 };
        var noverify = new Option<bool>("--noverify") { Description = "noverify: skip data verification." };
        var norandom = new Option<bool>("--norandom") { Description = "norandom: full-size transfers at offset 0." };
        var alignment = new Option<int>("--alignment") { Description = "alignment as a power of two (-1: the device's).", DefaultValueFactory = _ => -1 };
        var transferSize = new Option<int>("--transfer-size") { Description = "transfer_size (0: random).", DefaultValueFactory = _ => 0 };
        var polled = new Option<bool>("--polled") { Description = "polled: poll instead of using callbacks." };
        var memset = new Option<bool>("--memset") { Description = "dmatest=1: memset threads instead of memcpy." };
        var verbose = new Option<bool>("--verbose") { Description = "verbose: print 'test passed' results." };
        var command = new Command("dmatest", "Run the kernel's dmatest; output lines match drivers/dma/dmatest.c's format.")
        {
            board, channel, device, threads, maxChannels, iterations, bufSize, timeout, noverify, norandom, alignment, transferSize, polled, memset, verbose,
        };
        preprocessor.AddTo(command);
        command.SetAction(r =>
        {
            var parameters = new DmaTestParameters
            {
                Channel = r.GetValue(channel)!, Device = r.GetValue(device)!, ThreadsPerChan = r.GetValue(threads), MaxChannels = r.GetValue(maxChannels),
                Iterations = r.GetValue(iterations), TestBufSize = r.GetValue(bufSize), Timeout = r.GetValue(timeout), Noverify = r.GetValue(noverify),
                Norandom = r.GetValue(norandom), Alignment = r.GetValue(alignment), TransferSize = r.GetValue(transferSize), Polled = r.GetValue(polled),
                Dmatest = r.GetValue(memset) ? 1 : 0, Verbose = r.GetValue(verbose),
            };
            return Run(r.GetValue(board), parameters, preprocessor.From(r));
        });
        return command;
    }

    private static int Run(FileInfo? boardFile, DmaTestParameters parameters, DtsLoadOptions preprocessor)
    {
        DtTree tree;
        if (boardFile is null) tree = DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts");
        else if (!Inputs.TryLoad(boardFile, null, preprocessor, out var loaded, out _)) return ExitCodes.BadInput;
        else tree = loaded!;
        using var logging = CommandLogging.Start(null);
        var system = Simulation.Create("dmatest", SimulationSettings.Deterministic());
        try
        {
            var loadedBoard = BoardLoader.Load(system, tree);
            BoardReport.WriteLeftOut(loadedBoard, Console.Error);
            if (loadedBoard.Errors.Count() is > 0 and var errors) throw new BoardProblemsException(errors);
            if (parameters.Device.Length > 0 && loadedBoard.Engine.Devices.All(d => d.Dev != parameters.Device))
                throw new DmaException("ENODEV", "C-7", $"--device {parameters.Device}: no DMA device of this board is called that{NearNames.Describe(parameters.Device, loadedBoard.Engine.Devices.Select(d => d.Dev))}.");
            var result = DmaTestRunner.Run(loadedBoard.Engine, parameters, Console.Out);
            // A setup error (a misconfigured channel, say) is bad input; failed tests are verification failures.
            if (result.Errno is not null) return ExitCodes.BadInput;
            return result.Failures > 0 ? ExitCodes.VerificationFailed : ExitCodes.Success;
        }
        catch (Exception bad) when (bad is DmaException or ArgumentException or DtsSyntaxException or BoardProblemsException)
        {
            Console.Error.WriteLine($"dmactors dmatest: {bad.Message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }
}

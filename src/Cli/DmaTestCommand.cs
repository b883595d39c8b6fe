using System.CommandLine;
using DmaActors.Api;
using DmaActors.Boards;
using DmaActors.Cli.Output;
using DmaActors.DeviceTree;
using DmaActors.DmaTest;
using DmaActors.Runtime;

namespace DmaActors.Cli;

/// <summary>
/// <c>dmactors dmatest</c>: the kernel's dmatest, with its module parameters as options, on a board's
/// controllers. Its text is the kernel's own lines; <c>--json</c> is the whole result and
/// <c>--csv</c> a row per thread (the figures of the summary lines).
/// </summary>
internal static class DmaTestCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var board = new Option<FileInfo?>("--board") { HelpName = "FILE", Description = "The board; default: the built-in demo board (TI AM335x EDMA3)." };
        var channel = new Option<string>("--channel") { Description = "channel: a channel name such as dma0chan0 (empty: any).", DefaultValueFactory = _ => "" };
        var device = new Option<string>("--device") { Description = "device: a DMA device name (empty: any).", DefaultValueFactory = _ => "" };
        var threads = new Option<int>("--threads-per-chan") { Description = "threads_per_chan.", DefaultValueFactory = _ => 1, CustomParser = OptionValues.WholeNumber<int> };
        var maxChannels = new Option<int>("--max-channels") { Description = "max_channels (0: all).", DefaultValueFactory = _ => 0, CustomParser = OptionValues.WholeNumber<int> };
        var iterations = new Option<int>("--iterations") { Description = "iterations per thread (must be set: a simulation cannot run forever).", DefaultValueFactory = _ => 10, CustomParser = OptionValues.WholeNumber<int> };
        var bufSize = new Option<int>("--test-buf-size") { Description = "test_buf_size in bytes.", DefaultValueFactory = _ => 16384, CustomParser = OptionValues.WholeNumber<int> };
        var timeout = new Option<int>("--timeout") { Description = "timeout per transfer, ms of virtual time (-1: infinite).", DefaultValueFactory = _ => 3000, CustomParser = OptionValues.WholeNumber<int> };
        var noverify = new Option<bool>("--noverify") { Description = "noverify: skip data verification." };
        var norandom = new Option<bool>("--norandom") { Description = "norandom: full-size transfers at offset 0." };
        var alignment = new Option<int>("--alignment") { Description = "alignment as a power of two (-1: the device's).", DefaultValueFactory = _ => -1, CustomParser = OptionValues.WholeNumber<int> };
        var transferSize = new Option<int>("--transfer-size") { Description = "transfer_size (0: random).", DefaultValueFactory = _ => 0, CustomParser = OptionValues.WholeNumber<int> };
        var polled = new Option<bool>("--polled") { Description = "polled: poll instead of using callbacks." };
        var memset = new Option<bool>("--memset") { Description = "dmatest=1: memset threads instead of memcpy." };
        var verbose = new Option<bool>("--verbose") { Description = "verbose: print 'test passed' results." };
        var command = new Command("dmatest", "Run the kernel's dmatest; output lines match drivers/dma/dmatest.c's format.")
        {
            board, channel, device, threads, maxChannels, iterations, bufSize, timeout, noverify, norandom, alignment, transferSize, polled, memset, verbose,
        }.WithExample("dmactors dmatest --iterations 100 --channel dma0chan0");
        var output = new OutputOptions(["threads"]);
        output.AddTo(command);
        var preprocessor = new PreprocessorOptions();
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
            return Run(r.GetValue(board), parameters, preprocessor.From(r), output.Read(r, environment), environment);
        });
        return command;
    }

    private static int Run(FileInfo? boardFile, DmaTestParameters parameters, DtsLoadOptions preprocessor, OutputSettings output, CliEnvironment environment)
    {
        DtTree tree;
        if (boardFile is null) tree = DemoCommand.DemoBoard();
        else if (!Inputs.TryLoad(boardFile, null, preprocessor, environment.Error, out var loaded, out _)) return ExitCodes.BadInput;
        else tree = loaded!;
        using var logging = CommandLogging.Start(null, environment.Error);
        var system = Simulation.Create("dmatest", SimulationSettings.Deterministic());
        try
        {
            var loadedBoard = BoardLoader.Load(system, tree);
            BoardReport.WriteLeftOut(loadedBoard, environment.Error);
            if (loadedBoard.Errors.Count() is > 0 and var errors) throw new BoardProblemsException(errors);
            if (parameters.Device.Length > 0 && loadedBoard.Engine.Devices.All(d => d.Dev != parameters.Device))
                throw new DmaException("ENODEV", "C-7", $"--device {parameters.Device}: no DMA device of this board is called that{NearNames.Describe(parameters.Device, loadedBoard.Engine.Devices.Select(d => d.Dev))}.");
            // Text is the kernel's lines as they come; JSON and CSV print once, at the end (the result holds the lines).
            var lines = output.Format == OutputFormat.Text ? environment.Out : TextWriter.Null;
            var result = DmaTestRunner.Run(loadedBoard.Engine, parameters, lines);
            if (output.Format != OutputFormat.Text) ReportWriter.Write(new ReportDocument(result, [Threads(result)], [], []), output, environment.Out);
            // A setup error (a misconfigured channel, say) is bad input; failed tests are verification failures.
            // The kernel's line went to stdout with the others; stderr says what was refused.
            if (result.Errno is not null)
            {
                environment.Error.WriteLine($"dmactors dmatest: {result.Errno} (T-4): --channel {parameters.Channel} is no channel of this board that dmatest can take{(parameters.Device.Length > 0 ? $" on {parameters.Device}" : "")} (\"Channel misconfigured, can't continue\").");
                return ExitCodes.BadInput;
            }
            return result.Failures > 0 ? ExitCodes.VerificationFailed : ExitCodes.Success;
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad) || bad is ArgumentException)
        {
            // dmatest's own refusals start "dmatest: "; an ArgumentException's message ends with
            // the .NET parameter name, which says nothing to someone at a shell.
            string message = bad is ArgumentException { ParamName: { } name } ? bad.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : bad.Message;
            environment.Error.WriteLine(message.StartsWith("dmatest: ", StringComparison.Ordinal) ? $"dmactors {message}" : $"dmactors dmatest: {message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>A row per thread: what its summary line says, as figures.</summary>
    private static ReportTable Threads(DmaTestResult result)
    {
        var table = new ReportTable(
            "threads",
            ["dmatest threads"],
            [
                new("thread", "thread", ReportColumn.Key, Numeric: false),
                new("channel", "channel", 0, Numeric: false),
                new("tests", "tests", 0),
                new("failures", "failures", 0),
                new("iops", "iops", 0),
                new("KB/s", "kb_per_second", 0),
                new("bytes", "total_len", 1),
                new("runtime µs", "runtime_us", 1),
                new("ret", "ret", 0),
            ]);
        foreach (var t in result.Threads)
        {
            table.AddRow(
                new(t.Name, t.Name), new(t.Channel, t.Channel), new(Figures.Count(t.Tests), t.Tests), Figures.Faults(t.Failures),
                new(Figures.Fixed(t.Iops, 2), t.Iops), new(Figures.Count((long)t.KBs), t.KBs), new(Figures.Count((long)t.TotalLen), t.TotalLen),
                new(Figures.Count(t.RuntimeUs), t.RuntimeUs), new(t.Ret.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Ret, t.Ret == 0 ? CellTone.Plain : CellTone.Bad));
        }
        return table;
    }
}

using System.CommandLine;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Cli;

// dmactors: describe a board in device-tree source, run a workload on it, see what the DMA did.
var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of tables." };
var trace = new Option<FileInfo?>("--trace") { Description = "Write a VCD waveform of DRQ lines, channel busy and bus grants (GTKWave)." };
var timeline = new Option<FileInfo?>("--timeline") { Description = "Write a Chrome trace-event timeline (Perfetto, chrome://tracing)." };
var log = new Option<FileInfo?>("--log") { Description = "Also log to this file." };
var seed = new Option<ulong?>("--seed") { Description = "Run on the deterministic dispatcher with this seed (replayable); default: the thread pool." };
var workloadFile = new Option<FileInfo?>("--workload") { Description = "A workload JSON file; default: a load made from the board (each consumer's natural stream, one memcpy per controller)." };
var milliseconds = new Option<double?>("--ms") { Description = "Override the workload's run length, in milliseconds of virtual time." };
var preprocessor = new PreprocessorOptions();

RunOptions Options(ParseResult r) => new(r.GetValue(json), r.GetValue(trace), r.GetValue(timeline), r.GetValue(log), r.GetValue(seed));

var demo = new Command("demo", "Run the built-in default: a BeagleBone Black (TI AM335x EDMA3) with SPI, UART, MMC and audio consumers under a mixed load.")
{
    json, trace, timeline, log, seed, milliseconds,
};
demo.SetAction(r => Commands.Simulate(DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts"), WithLength(DemoScenario.Workload, r.GetValue(milliseconds)), Options(r)));

var board = new Argument<FileInfo>("board") { Description = "The board: a .dts (run through cpp when it has #include, or -D is given) or a .dtb." };
var run = new Command("run", "Run a workload on a board described in device-tree source.") { board, workloadFile, json, trace, timeline, log, seed, milliseconds };
preprocessor.AddTo(run);
run.SetAction(r => Commands.Run(r.GetValue(board)!, r.GetValue(workloadFile), r.GetValue(milliseconds), Options(r), preprocessor.From(r)));

var seeds = new Option<int>("--seeds") { Description = "How many seeds to try.", DefaultValueFactory = _ => 100 };
var explore = new Command("explore", "Run a workload under many seeds of the deterministic dispatcher and report the first seed whose data fails verification.")
{
    workloadFile, milliseconds, seeds,
};
var exploreBoard = new Option<FileInfo?>("--board") { Description = "The board; default: the built-in demo board." };
explore.Options.Add(exploreBoard);
preprocessor.AddTo(explore);
explore.SetAction(r => Commands.Explore(r.GetValue(exploreBoard), r.GetValue(workloadFile), r.GetValue(milliseconds), r.GetValue(seeds), preprocessor.From(r)));

var root = new RootCommand("dmactors: simulate the Linux DMA subsystem on a device-tree board; run workloads, dmatest, and explore schedules.")
{
    demo, run, explore, DmaTestCommand.Create(preprocessor), BenchCommand.Create(), BoardCommand.Create(preprocessor, json),
};
return root.Parse(args).Invoke();

static Workload WithLength(Workload workload, double? ms) => ms is { } length ? workload with { RunMilliseconds = length } : workload;

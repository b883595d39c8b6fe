using System.CommandLine;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.DeviceTree;
using DmaActors.Examples.CameraDmaBuf;

namespace DmaActors.Cli;

/// <summary><c>dmactors demo</c>: the built-in board and mixed load.</summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var simulation = new SimulationOptions();
        var output = new OutputOptions([.. WorkloadTables.Names, CameraScenario.Table]);
        var scenario = new Option<string>("--scenario") { HelpName = "NAME", Description = "board (default): the BeagleBone Black under a mixed load; camera: a camera writes frames into a CMA buffer shared as a dma-buf with a display behind an IOMMU (zero copy, fences).", DefaultValueFactory = _ => "board" };
        scenario.AcceptOnlyFromAmong("board", "camera");
        var cma = CmaOption.Create("The cma= boot parameter of the camera scenario's machine (default 64M), as early_cma reads it: 64M, 64M@0x8000000, 64M@0-0x10000000.");
        var frames = new Option<int?>("--frames") { HelpName = "N", Description = "Frames the camera scenario captures and shows (default 8).", CustomParser = r => OptionValues.WholeNumberFrom(1, 10_000)(r) };
        var command = new Command("demo", "Run the built-in default: a BeagleBone Black (TI AM335x EDMA3) with SPI, UART, MMC and audio consumers under a mixed load; or, with --scenario camera, the CMA + dma-buf camera-to-display pipeline.")
            .WithExample("dmactors demo --seed 1 --plot plots")
            .WithExample("dmactors demo --scenario camera --cma 64M --frames 8");
        simulation.AddTo(command);
        output.AddTo(command);
        command.Options.Add(scenario);
        command.Options.Add(cma);
        command.Options.Add(frames);
        command.Validators.Add(r =>
        {
            if (r.GetValue(scenario) == "camera") return;
            if (r.GetResult(cma) is not null || r.GetResult(frames) is not null) r.AddError("--cma and --frames belong to --scenario camera.");
        });
        command.SetAction(r =>
        {
            var settings = output.Read(r, environment);
            if (r.GetValue(scenario) == "camera")
            {
                var pipeline = new CameraPipelineOptions { Cma = r.GetValue(cma) ?? "64M", Frames = r.GetValue(frames) ?? 8 };
                return CameraScenario.Execute(pipeline, simulation.Read(r), settings, environment);
            }
            if (settings.Format == OutputFormat.Csv && settings.CsvTable == CameraScenario.Table)
            {
                environment.Error.WriteLine($"dmactors demo: the '{CameraScenario.Table}' table belongs to --scenario camera.");
                return ExitCodes.BadInput;
            }
            return WorkloadCommand.Execute(DemoBoard(), simulation.WithLength(DemoScenario.Workload, r), simulation.Read(r), settings, environment);
        });
        return command;
    }

    /// <summary>The demo's board, parsed from the source the library carries.</summary>
    public static DtTree DemoBoard() => DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts");
}

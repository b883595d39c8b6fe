using DmaActors.Cli;

// dmactors: describe a board in device-tree source, run a workload on it, see what the DMA did.
return DmactorsApp.Run(args, CliEnvironment.FromConsole());

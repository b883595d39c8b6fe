using System.Globalization;
using Serilog;
using Serilog.Events;

namespace DmaActors.Cli;

/// <summary>
/// Where a command's log goes: Akka logs through Akka.Logger.Serilog into Serilog's global logger,
/// which this points at stderr (warnings and worse) and, with <c>--log FILE</c>, at that file
/// (everything from information up). Stdout stays the report's.
/// </summary>
internal sealed class CommandLogging : IDisposable
{
    private CommandLogging()
    {
    }

    public static CommandLogging Start(FileInfo? file)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Warning, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);
        if (file is not null) configuration = configuration.WriteTo.File(file.FullName, formatProvider: CultureInfo.InvariantCulture);
        Log.Logger = configuration.CreateLogger();
        return new CommandLogging();
    }

    /// <summary>Flushes the file and puts the silent logger back.</summary>
    public void Dispose() => Log.CloseAndFlush();
}

using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace DmaActors.Cli;

/// <summary>
/// Where a command's log goes: Akka logs through Akka.Logger.Serilog into Serilog's global logger,
/// which this points at stderr (warnings and worse, plain text: no colour codes) and, with
/// <c>--log FILE</c>, at that file (everything from information up). Stdout stays the report's.
/// </summary>
internal sealed class CommandLogging : IDisposable
{
    private CommandLogging()
    {
    }

    public static CommandLogging Start(FileInfo? file, TextWriter error)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.Sink(new PlainTextSink(error), LogEventLevel.Warning);
        if (file is not null) configuration = configuration.WriteTo.File(file.FullName, formatProvider: CultureInfo.InvariantCulture);
        Log.Logger = configuration.CreateLogger();
        return new CommandLogging();
    }

    /// <summary>Flushes the file and puts the silent logger back.</summary>
    public void Dispose() => Log.CloseAndFlush();

    /// <summary>
    /// Log events as plain lines on a writer (the console sink colours a terminal and writes only
    /// to the process's own stderr). An exception shows as its type and message, never its stack
    /// trace: the terminal gets no trace (<c>--log FILE</c> keeps them).
    /// </summary>
    private sealed class PlainTextSink(TextWriter output) : ILogEventSink
    {
        private static readonly MessageTemplateTextFormatter Format = new("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}", CultureInfo.InvariantCulture);
        private readonly Lock _gate = new();

        public void Emit(LogEvent logEvent)
        {
            ArgumentNullException.ThrowIfNull(logEvent);
            // Akka's actors log from many threads at once; a line is written whole.
            lock (_gate)
            {
                Format.Format(logEvent, output);
                if (logEvent.Exception is { } thrown) output.Write($" ({thrown.GetType().Name}: {thrown.Message.ReplaceLineEndings(" ")})");
                output.WriteLine();
            }
        }
    }
}

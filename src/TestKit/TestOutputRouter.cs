using System.Collections.Concurrent;
using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace DmaActors.TestKit;

/// <summary>
/// Sends Akka's log of each test's system (through Akka.Logger.Serilog and Serilog's global
/// logger) to that test's xunit output. Akka.Logger.Serilog writes to the one global
/// <c>Log.Logger</c>; tests run in parallel, so events are routed by the system name in their
/// <c>ActorPath</c> or <c>LogSource</c> property.
/// </summary>
internal sealed class TestOutputRouter : ILogEventSink
{
    private static readonly TestOutputRouter Instance = new();
    private static readonly ConcurrentDictionary<string, ITestOutputHelper> Outputs = new();
    private static int _installed;

    /// <summary>Routes the log of system <paramref name="system"/> to <paramref name="output"/>; installs the router as Serilog's global logger unless the program set one.</summary>
    public static void Route(string system, ITestOutputHelper? output)
    {
        if (output is null) return;
        Outputs[system] = output;
        if (Interlocked.Exchange(ref _installed, 1) == 0 && ReferenceEquals(Log.Logger, Logger.None))
            Log.Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(Instance).CreateLogger();
    }

    public static void Forget(string system) => Outputs.TryRemove(system, out _);

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (SystemOf(logEvent) is not { } system || !Outputs.TryGetValue(system, out var output)) return;
        string source = logEvent.Properties.TryGetValue("LogSource", out var s) && s is ScalarValue { Value: string text } ? text : "";
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{logEvent.Level}] {source} {logEvent.RenderMessage(CultureInfo.InvariantCulture)}{(logEvent.Exception is { } e ? Environment.NewLine + e : "")}"));
        }
        catch (InvalidOperationException)
        {
            // The test has finished: xunit refuses output after that.
        }
    }

    /// <summary>The system name in <c>akka://name/...</c> of the event's actor path or log source.</summary>
    private static string? SystemOf(LogEvent logEvent)
    {
        foreach (var key in (ReadOnlySpan<string>)["ActorPath", "LogSource"])
        {
            if (!logEvent.Properties.TryGetValue(key, out var value) || value is not ScalarValue { Value: string path }) continue;
            const string scheme = "akka://";
            int start = path.IndexOf(scheme, StringComparison.Ordinal);
            if (start < 0) continue;
            start += scheme.Length;
            int end = path.IndexOfAny(['/', '@'], start);
            return end < 0 ? path[start..] : path[start..end];
        }
        return null;
    }
}

using System.Globalization;
using Akka.Configuration;
using Akka.Event;
using DmaActors.Runtime.Dispatch;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>
/// The one place where <see cref="SimulationSettings"/> become the HOCON of a simulated world's
/// <c>ActorSystem</c>: our dispatcher as the default one (the system's own actors, loggers and
/// dead letters included), our mailbox as the default mailbox, the virtual scheduler, and Akka's
/// logging through Akka.Logger.Serilog.
/// </summary>
/// <remarks>
/// Facts behind each key: ../shared/design/akka-extension-notes.md. Nothing is printed to stdout
/// by Akka itself (<c>stdout-loglevel = OFF</c>): a report on stdout stays machine-readable.
/// </remarks>
public static class SimulationConfig
{
    /// <summary>Where a simulated system's config names its world (<see cref="WorldRegistry"/>).</summary>
    public const string WorldPath = "dmactors.simulation.world";

    /// <summary>The HOCON for <paramref name="settings"/>, bound to the world registered as <paramref name="worldId"/>.</summary>
    internal static Config For(SimulationSettings settings, string worldId)
    {
        var dispatcher = settings.Dispatcher == DispatcherKind.Deterministic
            ? typeof(DeterministicDispatcherConfigurator)
            : typeof(CountingDispatcherConfigurator);
        int throughput = settings.Dispatcher == DispatcherKind.Deterministic ? 1 : settings.Throughput;
        string scheduler = settings.Clock == ClockKind.Virtual
            ? $"scheduler.implementation = \"{TypeName(typeof(VirtualScheduler))}\""
            : "";
        return ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka {
              loglevel = {{LevelName(settings.LogLevel)}}
              stdout-loglevel = OFF
              loggers = ["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"]
              logger-formatter = "Akka.Logger.Serilog.SerilogLogMessageFormatter, Akka.Logger.Serilog"
              log-config-on-start = off
              log-dead-letters = {{settings.DeadLetterLogLimit}}
              log-dead-letters-during-shutdown = off
              {{scheduler}}
              actor {
                default-dispatcher {
                  type = "{{TypeName(dispatcher)}}"
                  throughput = {{throughput}}
                }
                internal-dispatcher = "akka.actor.default-dispatcher"
                default-blocking-io-dispatcher = "akka.actor.default-dispatcher"
                default-mailbox.mailbox-type = "{{TypeName(typeof(SimulationMailboxType))}}"
              }
              coordinated-shutdown {
                run-by-clr-shutdown-hook = off
                exit-clr = off
              }
            }
            {{WorldPath}} = "{{worldId}}"
            """));
    }

    /// <summary>Akka's name for a log level, as HOCON takes it.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => "DEBUG",
        LogLevel.InfoLevel => "INFO",
        LogLevel.WarningLevel => "WARNING",
        LogLevel.ErrorLevel => "ERROR",
        _ => "OFF",
    };

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

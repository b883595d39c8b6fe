using Akka.Actor;
using Akka.Event;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>Akka's log goes through Akka.Logger.Serilog (Serilog's global logger) and, in tests, to the test's own output.</summary>
public sealed class LoggingTests(ITestOutputHelper output) : SimulationTestKit(new TeeOutput(output))
{
    [Fact]
    public void An_actors_log_line_reaches_this_tests_output_through_Serilog()
    {
        var probe = CreateTestProbe();
        var chatty = Sys.ActorOf(Props.Create(() => new Chatty()), "chatty");

        chatty.Tell("hello", probe.Ref);
        probe.ExpectMsg<string>(Duration.FromMilliseconds(1));
        RunUntilIdle();

        var lines = ((TeeOutput)TestOutput!).Lines;
        Assert.Contains(lines, l => l.StartsWith("[Warning]", StringComparison.Ordinal) && l.Contains("/user/chatty", StringComparison.Ordinal) && l.Contains("channel 3 says \"hello\"", StringComparison.Ordinal));
        Assert.Equal("Akka.Logger.Serilog.SerilogLogger", Sys.Settings.Loggers.First().Split(',')[0]);
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty() => Receive<string>(s =>
        {
            Context.GetLogger().Warning("channel {Channel} says {Word}", 3, s);
            Sender.Tell("done");
        });
    }

    /// <summary>Keeps every line written, and passes it on to xunit.</summary>
    private sealed class TeeOutput(ITestOutputHelper inner) : ITestOutputHelper
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get { lock (_lines) return [.. _lines]; }
        }

        public void WriteLine(string message)
        {
            lock (_lines) _lines.Add(message);
            inner.WriteLine(message);
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}

using Serilog;

namespace DmaActors.Cli.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class CommandLoggingTests
{
    [Fact]
    public void Stderr_gets_warnings_as_plain_lines_and_an_exception_as_its_type_and_message_without_a_trace()
    {
        using var errors = new StringWriter();
        using (CommandLogging.Start(null, errors))
        {
            Log.Information("not shown");
            Log.Warning("queue {Queue} is full", 2);
            Log.Error(MakeThrown(), "the arbiter stopped");
        }

        var lines = errors.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("WRN] queue 2 is full", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("ERR] the arbiter stopped (InvalidOperationException: a register was read twice)", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', errors.ToString());
    }

    private static InvalidOperationException MakeThrown()
    {
        try
        {
            throw new InvalidOperationException("a register was read twice");
        }
        catch (InvalidOperationException thrown)
        {
            return thrown;
        }
    }
}

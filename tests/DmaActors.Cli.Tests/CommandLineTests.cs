namespace DmaActors.Cli.Tests;

/// <summary>The exit-code contract (0 success, 1 verification failed, 2 bad input, 3 internal error) and each command's help.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CommandLineTests
{
    public static TheoryData<string[]> Commands() => [["demo"], ["run"], ["explore"], ["dmatest"], ["bench"], ["bench", "arbitration"], []];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_of_each_command_shows_an_example_of_it_and_the_exit_codes(string[] command)
    {
        var (code, output, errors) = CliRunner.Run([.. command, "--help"]);
        Assert.True(code == 0, errors);
        string example = output[(output.IndexOf("Example:\n", StringComparison.Ordinal) + "Example:\n".Length)..].Split('\n')[0].Trim();
        Assert.StartsWith(string.Join(' ', ["dmactors", .. command]), example, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        foreach (var meaning in new[] { "0  success", "1  verification failed", "2  bad input", "3  internal error" })
        {
            Assert.Contains(meaning, output, StringComparison.Ordinal);
        }
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public void Help_of_the_simulation_commands_states_the_csv_table_selector()
    {
        var (_, output, _) = CliRunner.Run("demo", "--help");
        Assert.Contains("--csv <TABLE>", output, StringComparison.Ordinal);
        Assert.Contains("channels or controllers", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "frob" }, "Unrecognized command or argument 'frob'")]
    [InlineData(new[] { "demo", "--frob" }, "Unrecognized command or argument '--frob'")]
    [InlineData(new[] { "demo", "--seed", "-1" }, "--seed takes a whole number from 0 to 18446744073709551615, not '-1'.")]
    [InlineData(new[] { "demo", "--ms", "fast" }, "--ms takes a number (such as 2 or 0.5), not 'fast'.")]
    [InlineData(new[] { "explore", "--seeds", "many" }, "--seeds takes a whole number, not 'many'.")]
    [InlineData(new[] { "dmatest", "--iterations", "99999999999" }, "--iterations takes a whole number from -2147483648 to 2147483647, not '99999999999'.")]
    [InlineData(new[] { "run" }, "Required argument 'board' missing")]
    [InlineData(new string[0], "Required command was not provided")]
    public void A_command_line_that_does_not_parse_exits_2_with_a_plain_message(string[] args, string message)
    {
        var (code, output, errors) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_itself_returns_2_for_a_bad_value()
    {
        var (code, _, errors) = CliRunner.RunEntryPoint("demo", "--seed", "-1");
        Assert.Equal(2, code);
        Assert.StartsWith("dmactors: --seed takes a whole number", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_exits_3_with_one_line_naming_the_exception_and_the_file_holding_its_trace()
    {
        var setup = CliSetup.Redirected with { OnCommandStart = name => throw new InvalidOperationException($"test fault before {name}") };
        var (code, output, errors) = CliRunner.Run(setup, "demo", "--ms", "1");

        Assert.Equal(3, code);
        Assert.Equal("", output);
        string line = Assert.Single(errors.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("dmactors: internal error: InvalidOperationException: test fault before demo", line, StringComparison.Ordinal);
        Assert.Contains("This is a bug in dmactors; please report it.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        string trace = line[(line.IndexOf("trace in ", StringComparison.Ordinal) + "trace in ".Length)..line.IndexOf(')', StringComparison.Ordinal)];
        try
        {
            string written = File.ReadAllText(trace);
            Assert.Contains("command line: dmactors demo --ms 1", written, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException: test fault before demo", written, StringComparison.Ordinal);
            Assert.Contains(" at ", written, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Fact]
    public void An_output_path_that_cannot_be_written_is_bad_input_before_anything_runs()
    {
        var (code, _, errors) = CliRunner.Run("demo", "--ms", "1", "--trace", "/no/such/folder/run.vcd");
        Assert.Equal(2, code);
        Assert.StartsWith("dmactors: cannot write --trace '/no/such/folder/run.vcd'", errors, StringComparison.Ordinal);
    }
}

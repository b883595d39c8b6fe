namespace DmaActors.Cli.Tests;

/// <summary>The exit-code contract (0 success, 1 verification failed, 2 bad input, 3 internal error) and each command's help.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CommandLineTests
{
    public static TheoryData<string[]> Commands() => [["demo"], ["run"], ["explore"], ["dmatest"], ["bench"], ["bench", "arbitration"], ["worker"], []];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_of_each_command_shows_an_example_of_it_and_the_exit_codes(string[] command)
    {
        var (code, output, errors) = CliRunner.Run([.. command, "--help"]);
        Assert.True(code == 0, errors);
        string example = output[(output.IndexOf("Example:\n", StringComparison.Ordinal) + "Example:\n".Length)..].Split('\n')[0].Trim();
        Assert.StartsWith(string.Join(' ', ["dmactors", .. command]), example, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        foreach (var meaning in new[] { "0  success", "1  verification failed", "2  bad input", "3  internal error", "4  cluster lost" })
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
    [InlineData(new[] { "demo", "--ms", "NaN" }, "--ms takes a number (such as 2 or 0.5), not 'NaN'.")]
    [InlineData(new[] { "demo", "--ms", "0" }, "--ms takes milliseconds of virtual time, more than 0 and at most 60000, not '0'.")]
    [InlineData(new[] { "explore", "--ms", "1e9" }, "--ms takes milliseconds of virtual time, more than 0 and at most 60000, not '1e9'.")]
    [InlineData(new[] { "explore", "--seeds", "0" }, "--seeds takes a whole number from 1 to 2147483647, not '0'.")]
    [InlineData(new[] { "bench", "arbitration", "--physical", "100000000" }, "--physical takes a whole number from 1 to 256, not '100000000'.")]
    [InlineData(new[] { "bench", "arbitration", "--ms", "Infinity" }, "--ms takes a number (such as 2 or 0.5), not 'Infinity'.")]
    [InlineData(new[] { "explore", "--cluster", "localhost" }, "--cluster takes HOST:PORT, a host name or address and a TCP port from 1 to 65535 (e.g. 127.0.0.1:4053), not 'localhost'.")]
    [InlineData(new[] { "bench", "arbitration", "--cluster", "h:70000" }, "--cluster takes HOST:PORT, a host name or address and a TCP port from 1 to 65535 (e.g. 127.0.0.1:4053), not 'h:70000'.")]
    [InlineData(new[] { "explore", "--resume", "r.record" }, "--resume goes with --cluster (it is the cluster coordinator's record of finished runs).")]
    [InlineData(new[] { "worker" }, "Option '--join' is required.")]
    [InlineData(new[] { "worker", "--join", "h:1", "--slots", "0" }, "--slots takes a whole number from 1 to 4096, not '0'.")]
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

    [Theory]
    [InlineData(new[] { "bench", "arbitration", "--loads", "4,99999999999" }, "dmactors bench: --loads takes comma-separated whole numbers from 4 (UART, MMC, audio and one memcpy) to 1024; '99999999999' in '4,99999999999' is not one.")]
    [InlineData(new[] { "bench", "arbitration", "--loads", "4", "--ms", "0.2", "--policies", "lottery" }, "dmactors bench: EINVAL (P-1): /dma-controller@10130000: dmactors,arbitration = \"lottery\" is not a policy")]
    [InlineData(new[] { "dmatest", "--iterations", "0" }, "dmactors dmatest: iterations 0: the simulator needs a bounded run (iterations > 0)")]
    public void An_input_refused_after_parsing_exits_2_with_one_plain_message_and_no_output(string[] args, string message)
    {
        var (code, output, errors) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(message, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_a_board_or_a_workload_is_named_as_one()
    {
        string folder = Path.GetTempPath().TrimEnd('/');
        var (board, _, boardErrors) = CliRunner.Run("run", folder);
        Assert.Equal(2, board);
        Assert.Equal($"dmactors: board file '{folder}' is a directory, not a file\n", boardErrors);

        var (workload, _, workloadErrors) = CliRunner.Run("explore", "--workload", folder);
        Assert.Equal(2, workload);
        Assert.Equal($"dmactors: workload file '{folder}' is a directory, not a file\n", workloadErrors);
    }

    [Fact]
    public void Explore_refuses_a_workload_the_board_cannot_run_as_bad_input_as_run_does()
    {
        string workload = Path.Combine(Path.GetTempPath(), $"w-{Guid.NewGuid():N}.json");
        File.WriteAllText(workload, "{ \"streams\": [ { \"consumer\": \"nope.uart\", \"channel\": \"rx\", \"bytes\": 16 } ] }");
        try
        {
            var (code, output, errors) = CliRunner.Run("explore", "--workload", workload, "--seeds", "2", "--ms", "0.2");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith("dmactors: ENODEV (O-3): stream nope.uart:rx: no consumer of this board is called nope.uart; near: ", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(workload);
        }
    }

    [Fact]
    public void A_workload_whose_buffers_do_not_fit_the_boards_RAM_is_bad_input_not_a_failed_run()
    {
        string board = Path.Combine(Path.GetTempPath(), $"small-{Guid.NewGuid():N}.dts");
        File.WriteAllText(board, File.ReadAllText(CliRunner.RepoFile("examples/boards/tour.dts")).Replace("0x20000000>", "0x1000>", StringComparison.Ordinal));
        try
        {
            var (code, output, errors) = CliRunner.Run("run", board, "--workload", CliRunner.RepoFile("examples/boards/load.json"), "--ms", "1");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith("dmactors: workload: stream memcpy@49000000.edma: its buffers (bytes × (queueDepth + 1) = 12288 bytes) do not fit in the board's RAM (4096 bytes at 0x80000000", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(board);
        }
    }

    [Fact]
    public void A_run_whose_dma_results_fail_exits_1_and_still_prints_its_report()
    {
        // dmatest counts a transfer not complete within its timeout as a failed test, as the
        // kernel does: 4 MiB at about 1.6 GB/s takes some 2.6 ms of virtual time, the timeout is 1 ms.
        var (code, output, errors) = CliRunner.Run("dmatest", "--channel", "dma0chan0", "--iterations", "2", "--norandom", "--test-buf-size", "4194304", "--timeout", "1");
        Assert.True(code == 1, $"exit {code}: {errors}");
        Assert.Contains("dmatest: dma0chan0-copy0: result #1: 'test timed out'", output, StringComparison.Ordinal);
        Assert.Contains("summary 2 tests, 2 failures", output, StringComparison.Ordinal);
        Assert.Equal("", errors);
    }

    [Fact]
    public void Exit_codes_0_1_2_and_3_are_each_what_the_contract_says()
    {
        Assert.Equal(ExitCodes.Success, CliRunner.Run("demo", "--ms", "1", "--seed", "3", "--json").ExitCode);
        Assert.Equal(ExitCodes.VerificationFailed, CliRunner.Run("dmatest", "--channel", "dma0chan0", "--iterations", "1", "--norandom", "--test-buf-size", "4194304", "--timeout", "1").ExitCode);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("demo", "--ms", "-1").ExitCode);
        var (bug, _, errors) = CliRunner.Run(CliSetup.Redirected with { OnCommandStart = _ => throw new InvalidOperationException("test fault") }, "demo");
        Assert.Equal(ExitCodes.InternalError, bug);
        File.Delete(errors[(errors.IndexOf("trace in ", StringComparison.Ordinal) + "trace in ".Length)..errors.IndexOf(')', StringComparison.Ordinal)]);
        Assert.Equal([0, 1, 2, 3], new[] { ExitCodes.Success, ExitCodes.VerificationFailed, ExitCodes.BadInput, ExitCodes.InternalError });
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

using System.Text;

namespace DmaActors.Cli.Tests;

/// <summary>Where a test runs dmactors: a pipe by default, or a terminal of a given width, with its environment variables.</summary>
/// <param name="OutIsTerminal">Whether stdout is a terminal.</param>
/// <param name="ErrorIsTerminal">Whether stderr is a terminal.</param>
/// <param name="Width">The terminal's width.</param>
/// <param name="Variables">Environment variables the command sees (no others).</param>
/// <param name="OnCommandStart">The internal test hook (see <see cref="CliEnvironment.OnCommandStart"/>).</param>
internal sealed record CliSetup(bool OutIsTerminal = false, bool ErrorIsTerminal = false, int? Width = null, IReadOnlyDictionary<string, string>? Variables = null, Action<string>? OnCommandStart = null)
{
    /// <summary>Stdout and stderr redirected to files, as in <c>dmactors demo &gt; out.txt 2&gt; err.txt</c>.</summary>
    public static CliSetup Redirected { get; } = new();

    /// <summary>A terminal of <paramref name="width"/> columns on both streams.</summary>
    public static CliSetup Terminal(int width, IReadOnlyDictionary<string, string>? variables = null) => new(true, true, width, variables);
}

/// <summary>Runs dmactors in-process: through <see cref="DmactorsApp"/> with a given environment, or through the program's entry point.</summary>
internal static class CliRunner
{
    /// <summary>Serilog's logger, which commands point at their stderr, is process-wide: one command at a time.</summary>
    private static readonly Lock Gate = new();

    public static (int ExitCode, string Output, string Errors) Run(params string[] args) => Run(CliSetup.Redirected, args);

    public static (int ExitCode, string Output, string Errors) Run(CliSetup setup, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(setup);
        lock (Gate)
        {
            var (output, errors) = (new StringWriter(new StringBuilder()), new StringWriter(new StringBuilder()));
            var environment = new CliEnvironment(output, errors, setup.OutIsTerminal, setup.ErrorIsTerminal, setup.Width, name => setup.Variables?.GetValueOrDefault(name))
            {
                OnCommandStart = setup.OnCommandStart,
            };
            int code = DmactorsApp.Run(args, environment);
            return (code, output.ToString(), errors.ToString());
        }
    }

    /// <summary>Runs the program's <c>Main</c> with the process's console captured (what a shell gets, wiring included).</summary>
    public static (int ExitCode, string Output, string Errors) RunEntryPoint(params string[] args)
    {
        lock (Gate)
        {
            var (output, errors) = (new StringWriter(new StringBuilder()), new StringWriter(new StringBuilder()));
            var (savedOut, savedError) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(errors);
            try
            {
                var entry = typeof(ExitCodes).Assembly.EntryPoint!;
                int code = (int)entry.Invoke(null, [args])!;
                return (code, output.ToString(), errors.ToString());
            }
            finally
            {
                Console.SetOut(savedOut);
                Console.SetError(savedError);
            }
        }
    }

    /// <summary>A directory of the repository, found from the test's build output upwards.</summary>
    public static string RepoDirectory(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>A file of the repository, found from the test's build output upwards.</summary>
    public static string RepoFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}

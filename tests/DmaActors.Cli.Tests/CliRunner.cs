using System.Text;

namespace DmaActors.Cli.Tests;

/// <summary>Runs the dmactors entry point in-process with its console captured.</summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();

    public static (int ExitCode, string Output, string Errors) Run(params string[] args)
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

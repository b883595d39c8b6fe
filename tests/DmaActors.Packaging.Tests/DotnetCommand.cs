using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DmaActors.Packaging.Tests;

/// <summary>What a child process did: its exit code and what it wrote.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">stdout and stderr, in the order they arrived (for messages).</param>
/// <param name="StandardOutput">stdout alone (what a program prints for a pipe).</param>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string StandardOutput)
{
    /// <summary>The command, its exit code and the last lines of its output: what a failure message needs.</summary>
    public string Describe(int lastLines = 60)
    {
        var lines = Output.Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - lastLines)));
        return string.Create(CultureInfo.InvariantCulture, $"`{Command}` exited with {ExitCode}; its last output:\n{tail}");
    }
}

/// <summary>
/// Runs the dotnet CLI (and the programs it installs) as a user would from a shell, from inside a
/// test host.
/// </summary>
/// <remarks>
/// A child inherits the test host's environment minus what the test platform and MSBuild put there
/// for themselves (<c>MSBuild*</c>, <c>VSTEST*</c>): a build started with those would load the
/// test host's MSBuild instead of choosing its own. Builds run with
/// <c>--disable-build-servers</c>: an MSBuild node or compiler server left running would hold the
/// output pipe open, and the wait for the end of the output would last until it idled out.
/// </remarks>
internal static class DotnetCommand
{
    /// <summary>The dotnet host the test runs on (what <c>dotnet test</c> names in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The folder of <see cref="Host"/>, for DOTNET_ROOT of an installed tool's launcher; null when dotnet comes from the PATH.</summary>
    public static string? Root => Path.IsPathRooted(Host) ? Path.GetDirectoryName(Host) : null;

    /// <summary>How long a command may run before it counts as hung: generous, for a shared machine. Not a measure of speed.</summary>
    public static readonly TimeSpan DefaultHangGuard = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    public static CommandResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(Host, workingDirectory, environment, DefaultHangGuard, arguments);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>, with a hang guard of its own.</summary>
    public static CommandResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan hangGuard, params string[] arguments) =>
        Run(Host, workingDirectory, environment, hangGuard, arguments);

    /// <summary>
    /// Runs <paramref name="fileName"/> and waits for it. <paramref name="hangGuard"/> only stops a
    /// process that hangs (it is killed and the result says so); it is no measure of speed.
    /// </summary>
    public static CommandResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan hangGuard, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(IsTestHostVariable).ToList()) start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        string command = string.Join(' ', arguments.Prepend(Path.GetFileName(fileName)));
        StringBuilder output = new(), standardOutput = new();
        var gate = new Lock();
        void Append(string? line, bool isStandardOutput)
        {
            if (line is null) return;
            lock (gate)
            {
                output.Append(line).Append('\n');
                if (isStandardOutput) standardOutput.Append(line).Append('\n');
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, isStandardOutput: true);
        process.ErrorDataReceived += (_, e) => Append(e.Data, isStandardOutput: false);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(hangGuard))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append($"(killed: still running after {hangGuard.TotalMinutes} minutes)", isStandardOutput: false);
            lock (gate) return new CommandResult(command, -1, output.ToString(), standardOutput.ToString());
        }
        process.WaitForExit(); // the end of the redirected output
        lock (gate) return new CommandResult(command, process.ExitCode, output.ToString(), standardOutput.ToString());
    }

    private static bool IsTestHostVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);
}

using System.Reflection;

namespace DmaActors.Cli;

/// <summary>
/// What an exception nothing expected becomes: its full trace in a file in the temp folder, and one
/// line on stderr naming it, where the trace is, and that it is a bug to report (exit 3). A stack
/// trace never reaches the terminal, and a script can tell a crash from a failed check (1) or bad
/// input (2).
/// </summary>
internal static class InternalError
{
    public static int Report(Exception bug, IReadOnlyList<string> args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(bug);
        ArgumentNullException.ThrowIfNull(error);
        var shown = bug is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : bug;
        string where;
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"dmactors-crash-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.txt");
            string version = typeof(InternalError).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            File.WriteAllText(path, $"dmactors {version}\ncommand line: dmactors {string.Join(' ', args)}\n\n{bug}\n");
            where = $"trace in {path}";
        }
        catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
        {
            where = $"the trace could not be written: {unwritable.Message}";
        }
        string message = shown.Message.ReplaceLineEndings(" ");
        error.WriteLine($"dmactors: internal error: {shown.GetType().Name}: {message} ({where}). This is a bug in dmactors; please report it.");
        return ExitCodes.InternalError;
    }
}

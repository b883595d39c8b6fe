using Spectre.Console;

namespace DmaActors.Cli.Output;

/// <summary>
/// A progress bar on stderr, drawn only when stderr is a terminal: stdout carries nothing but the
/// report, and a log or a pipe never fills with redraws.
/// </summary>
internal static class TerminalProgress
{
    /// <summary>Runs <paramref name="work"/>, handing it a progress callback (a fraction done) when a bar is drawn, or null.</summary>
    public static T Run<T>(CliEnvironment environment, bool colourAllowed, string label, Func<Action<double>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(work);
        if (!environment.ErrorIsTerminal) return work(null);
        var console = Consoles.Create(environment.Error, colourAllowed, interactive: true);
        return console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: 1);
            return work(done => task.Value = done);
        });
    }
}

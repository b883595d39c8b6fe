using System.Diagnostics;
using System.Text;

namespace DmaActors.Cluster.Tests;

/// <summary>A cluster node in a process of its own, its output collected as it comes; killed (with its children) when disposed if still running.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly object _gate = new(); // guards the output; pulsed at every stderr line and at its end
    private bool _errorsEnded;

    private NodeProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(_errors, e.Data);
            if (e.Data is null) lock (_gate) { _errorsEnded = true; Monitor.PulseAll(_gate); }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate) return _output.ToString();
        }
    }

    public string Errors
    {
        get
        {
            lock (_gate) return _errors.ToString();
        }
    }

    public int Id => _process.Id;

    /// <summary>This test assembly run as a program (Program.cs).</summary>
    public static NodeProcess TestProgram(params string[] args) => Dotnet(typeof(NodeProcess).Assembly.Location, args);

    /// <summary>The dmactors program built beside this test assembly.</summary>
    public static NodeProcess Dmactors(params string[] args) => Dotnet(Path.Combine(AppContext.BaseDirectory, "dmactors.dll"), args);

    /// <summary>Waits for the exit; false when it did not come within <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit(); // the rest of the output
        return true;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until <paramref name="condition"/> holds for what the process wrote on stderr; false after <paramref name="timeout"/> or when it exits first.</summary>
    public bool WaitForErrors(Func<string, bool> condition, TimeSpan timeout)
    {
        // Woken by each line the process writes (and by the end of its stderr), not by polling.
        var clock = Stopwatch.StartNew();
        lock (_gate)
        {
            while (true)
            {
                if (condition(_errors.ToString())) return true;
                var left = timeout - clock.Elapsed;
                if (_errorsEnded || left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>Kills the process at once, as a crash or a pulled plug would end it (no leave).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) Kill();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }

    private static NodeProcess Dotnet(string assembly, string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(assembly);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return new NodeProcess(start);
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            to.AppendLine(line);
            Monitor.PulseAll(_gate);
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace DmaActors.Cluster.Tests;

/// <summary>A cluster node in a process of its own, its output collected as it comes; killed (with its children) when disposed if still running.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    private NodeProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
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
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition(Errors)) return true;
            if (_process.HasExited) return condition(Errors);
            Thread.Sleep(50);
        }
        return false;
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
        lock (_gate) to.AppendLine(line);
    }
}

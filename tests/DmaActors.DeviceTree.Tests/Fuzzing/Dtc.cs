using System.Diagnostics;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>The real dtc (Debian: device-tree-compiler), run as a process on files in a temporary directory.</summary>
internal static class Dtc
{
    /// <summary>Whether dtc is on the PATH.</summary>
    public static bool IsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "dtc")));

    /// <summary>Why the dtc properties are skipped where it is not installed (CI installs it: .ci/run).</summary>
    public const string Missing = "dtc is not installed (Debian: apt-get install device-tree-compiler; .ci/run installs it): the round trips through dtc were NOT checked";

    /// <summary>Runs <c>dtc -I <paramref name="from"/> -O <paramref name="to"/></c> on <paramref name="input"/>; its output, or its exit code and messages.</summary>
    public static (bool Ok, byte[] Output, string Errors) Run(string from, string to, byte[] input)
    {
        var directory = Directory.CreateTempSubdirectory("dmactors-dtc");
        try
        {
            var inputFile = Path.Combine(directory.FullName, "in." + from);
            var outputFile = Path.Combine(directory.FullName, "out." + to);
            File.WriteAllBytes(inputFile, input);
            var start = new ProcessStartInfo("dtc") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-q", "-I", from, "-O", to, "-o", outputFile, inputFile }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? (true, File.ReadAllBytes(outputFile), errors.Result) : (false, [], $"dtc exited {process.ExitCode}: {errors.Result}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>
/// A fact that needs dtc: skipped where dtc is not installed, and then named
/// "<paramref name="what"/> SKIPPED: <see cref="Dtc.Missing"/>", since the runner's console shows a
/// skipped test's name but its reason only at detailed verbosity.
/// </summary>
internal sealed class DtcFactAttribute : FactAttribute
{
    public DtcFactAttribute(string what)
    {
        if (Dtc.IsInstalled) return;
        Skip = Dtc.Missing;
        DisplayName = $"{what} SKIPPED: {Dtc.Missing}";
    }
}

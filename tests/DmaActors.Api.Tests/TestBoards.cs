using DmaActors.DeviceTree;

namespace DmaActors.Api.Tests;

/// <summary>The test boards in <c>tests/boards</c> (our own files reproducing the kernel's device-tree structures), found from the test's build output upwards.</summary>
internal static class TestBoards
{
    /// <summary>The <c>tests/boards</c> directory.</summary>
    public static string Directory { get; } = Find();

    /// <summary>Their dt-bindings-style headers (<c>cpp -I</c> this).</summary>
    public static string Include => Path.Combine(Directory, "include");

    /// <summary>The options a board of <c>tests/boards</c> is read with: <c>-I tests/boards/include</c>.</summary>
    public static DtsLoadOptions Options => new() { IncludeDirectories = [Include] };

    /// <summary>A file of <c>tests/boards</c>.</summary>
    public static string File(string relative) => Path.Combine(Directory, relative);

    /// <summary>Loads a board of <c>tests/boards</c> with <see cref="Options"/>.</summary>
    public static DtTree Load(string relative) => DtsFile.Load(File(relative), Options);

    private static string Find()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            var candidate = Path.Combine(at.FullName, "tests", "boards");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/boards not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>Tests that need cpp fail saying so where it is not installed (the kernel build needs it too; CI installs it).</summary>
internal static class Cpp
{
    public static void Require()
    {
        if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "cpp"))))
            throw new InvalidOperationException("cpp is not installed: these tests need it (Debian: apt-get install cpp), as the kernel build does.");
    }
}

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>How a failing input is shown: saved whole to a file (inputs can be large), and its start quoted.</summary>
internal static class Printed
{
    public static string Text(string text) => Save(System.Text.Encoding.UTF8.GetBytes(text), ".dts") + " starting " + System.Text.Json.JsonSerializer.Serialize(text.Length > 400 ? text[..400] : text);

    public static string Blob(byte[] blob) => Save(blob, ".dtb") + " starting " + Convert.ToHexString(blob.AsSpan(0, Math.Min(blob.Length, 200)));

    private static string Save(byte[] input, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dmactors-fuzz-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..16]}{extension}");
        File.WriteAllBytes(file, input);
        return $"{input.Length} bytes saved as {file},";
    }
}

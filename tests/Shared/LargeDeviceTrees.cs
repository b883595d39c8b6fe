using System.Text;

namespace DmaActors.Tests.Shared;

/// <summary>The large sources of issue 13's measurements. Linked into the DeviceTree tests and the benchmarks, so both parse the same text.</summary>
internal static class LargeDeviceTrees
{
    /// <summary><paramref name="count"/> sibling nodes under the root, each with a reg.</summary>
    public static string Nodes(int count)
    {
        var text = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < count; i++) text.Append("  node").Append(i).Append(" { reg = <").Append(i).Append(">; };\n");
        return text.Append("};\n").ToString();
    }

    /// <summary><paramref name="count"/> labelled nodes, each referring to the one before by its label.</summary>
    public static string Labels(int count)
    {
        var text = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < count; i++)
        {
            text.Append("  l").Append(i).Append(": n").Append(i).Append(" {");
            if (i > 0) text.Append(" prev = <&l").Append(i - 1).Append(">;");
            text.Append(" };\n");
        }
        return text.Append("};\n").ToString();
    }

    /// <summary>One property whose cell list is <paramref name="cells"/> cells long.</summary>
    public static string CellList(int cells)
    {
        var text = new StringBuilder("/dts-v1/;\n/ { big = <");
        for (int i = 0; i < cells; i++) text.Append("0x12345678 ");
        return text.Append(">; };\n").ToString();
    }
}

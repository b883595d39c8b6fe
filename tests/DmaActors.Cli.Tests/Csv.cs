using System.Text;

namespace DmaActors.Cli.Tests;

/// <summary>A small CSV reader for the tests (quoted fields, doubled quotes, commas and line breaks inside quotes).</summary>
internal static class Csv
{
    /// <summary>The rows after the header, each as column name → field.</summary>
    public static List<Dictionary<string, string>> Parse(string text)
    {
        var records = Records(text);
        var header = records[0];
        return [.. records.Skip(1).Select(fields =>
        {
            Assert.Equal(header.Count, fields.Count);
            return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}

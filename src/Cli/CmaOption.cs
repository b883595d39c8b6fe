using System.CommandLine;
using System.CommandLine.Parsing;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Cli;

/// <summary><c>--cma SIZE[@BASE[-LIMIT]]</c>: the kernel's <c>cma=</c>, checked as <c>early_cma</c> reads it (CMA-1); a bad value is a parse error (exit 2) naming the column.</summary>
internal static class CmaOption
{
    public static Option<string?> Create(string description) =>
        new("--cma") { HelpName = "SIZE[@BASE[-LIMIT]]", Description = description, CustomParser = Parse };

    private static string? Parse(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            CmaParameter.Parse(token);
            return token;
        }
        catch (DmaMappingException bad)
        {
            result.AddError($"--cma: {bad.Message}");
            return null;
        }
    }
}

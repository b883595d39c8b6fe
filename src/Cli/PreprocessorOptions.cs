using System.CommandLine;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary>
/// How a board file is read, as the kernel build reads one: cpp's <c>-I DIR</c> and
/// <c>-D NAME[=VALUE]</c> (<c>__DTS__</c> is always defined) and dtc's <c>-i DIR</c> for
/// <c>/include/</c>, each repeatable. One set of options, added to every command that reads a board.
/// </summary>
internal sealed class PreprocessorOptions
{
    public Option<string[]> Include { get; } = new("-I") { Description = "cpp -I DIR: searched for #include, as the kernel's build passes <linux>/include (dt-bindings) and the dts directory; repeatable.", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Define { get; } = new("-D") { Description = "cpp -D NAME[=VALUE]; repeatable (__DTS__ is always defined).", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Search { get; } = new("-i") { Description = "dtc -i DIR: searched for /include/ after the including file's directory; repeatable.", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Include);
        command.Options.Add(Define);
        command.Options.Add(Search);
    }

    /// <summary>What the user gave, as the library takes it.</summary>
    public DtsLoadOptions From(ParseResult result) => new()
    {
        IncludeDirectories = result.GetValue(Include) ?? [],
        Defines = result.GetValue(Define) ?? [],
        SearchDirectories = result.GetValue(Search) ?? [],
    };
}

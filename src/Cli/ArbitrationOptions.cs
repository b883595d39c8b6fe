using System.CommandLine;
using System.Globalization;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary><c>bench arbitration</c>'s run options: read from its command line, and from the arguments a cluster worker is sent.</summary>
internal sealed class ArbitrationOptions
{
    /// <summary>
    /// The most virtual channels a run takes: far past any controller modelled (EDMA3 has 64),
    /// and a run of 5 ms at this load takes seconds, not hours.
    /// </summary>
    private const int MaxLoad = 1024;

    /// <summary>The most physical channels: a PL080 has 8, a PL330 up to 8; 65,536 took 345 MB.</summary>
    private const int MaxPhysical = 256;

    private readonly Option<string> _loads = new("--loads") { HelpName = "N,N,...", Description = $"Virtual channels in use, comma-separated (each 4 to {MaxLoad}: UART, MMC, audio + memcpy).", DefaultValueFactory = _ => "4,8,16,32,64" };
    private readonly Option<int> _physical = new("--physical") { HelpName = "N", Description = "Physical channels they share.", DefaultValueFactory = _ => 8, CustomParser = OptionValues.WholeNumberFrom(1, MaxPhysical) };
    private readonly Option<double> _ms = new("--ms") { HelpName = "MS", Description = "Virtual milliseconds per run.", DefaultValueFactory = _ => 5, CustomParser = OptionValues.Milliseconds };
    private readonly Option<string> _policies = new("--policies") { HelpName = "NAME,...", Description = "Policies, comma-separated.", DefaultValueFactory = _ => string.Join(',', ArbitrationStudy.DefaultPolicies) };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_loads);
        command.Options.Add(_physical);
        command.Options.Add(_ms);
        command.Options.Add(_policies);
    }

    /// <summary>The request, or the sentence saying which load is out of range.</summary>
    /// <exception cref="FormatException">A load is not a whole number from 4 to <see cref="MaxLoad"/>.</exception>
    public ArbitrationRequest Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string loadList = result.GetValue(_loads)!;
        var loads = new List<int>();
        foreach (string item in loadList.Split(','))
        {
            // Digits only, so an overflowing number is out of range rather than a crash.
            if (!int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int load) || load is < 4 or > MaxLoad)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"--loads takes comma-separated whole numbers from 4 (UART, MMC, audio and one memcpy) to {MaxLoad}; '{item.Trim()}' in '{loadList}' is not one."));
            }
            loads.Add(load);
        }
        var policies = result.GetValue(_policies)!.Split(',').Select(p => p.Trim()).ToList();
        return new ArbitrationRequest(loads, result.GetValue(_physical), result.GetValue(_ms), policies);
    }

    /// <summary>Reads <see cref="ArbitrationRequest.ToArguments"/> back.</summary>
    /// <exception cref="FormatException">They do not parse.</exception>
    public static ArbitrationRequest Parse(IReadOnlyList<string> arguments)
    {
        var options = new ArbitrationOptions();
        return options.Read(Sweeps.CoordinatorArguments.Parse("bench arbitration", c => options.AddTo(c), arguments));
    }
}

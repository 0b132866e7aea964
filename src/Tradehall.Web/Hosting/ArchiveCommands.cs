using System.CommandLine;
using Tradehall.Core.Archive;

namespace Tradehall.Web.Hosting;

/// <summary>
/// ARC-01: <c>archive verify [--expect-head SEQUENCE:HASH]</c> and <c>archive checkpoint [--reset]</c>. Standard output
/// carries one line that starts with <c>intact</c> (or <c>checkpoint</c>) when the check passed; problems go to standard
/// error and the exit code is 1.
/// </summary>
internal static class ArchiveCommands
{
    public static Command Create(Func<WebApplication> tool)
    {
        var archive = new Command("archive", "The evidence archive (ARC-01).");

        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "A head you kept from an earlier run (SEQUENCE:HASH): the chain must reach it with that hash.",
        };
        expectHead.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !ArchiveHead.TryParse(text, out _))
            {
                result.AddError("--expect-head takes SEQUENCE:HASH, as 'archive verify' printed it (the sequence, a colon, 64 hex digits).");
            }
        });
        var verify = new Command("verify",
            "Check the hash chain and that it reaches the checkpoint; exit 0 and print 'intact: N records, head N HASH' when no record was altered or removed.")
        {
            expectHead,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var expected = ArchiveHead.TryParse(parse.GetValue(expectHead), out var head) ? head : null;
            await using var app = tool();
            await using var scope = app.Services.CreateAsyncScope();
            return await PrintAsync(await scope.ServiceProvider.GetRequiredService<ArchiveAudit>().VerifyAsync(expected, ct));
        });
        archive.Subcommands.Add(verify);

        var reset = new Option<bool>("--reset")
        {
            Description = "Replace a missing checkpoint, or one the chain does not reach (after a restore from backup), and record the reset in the archive.",
        };
        var checkpoint = new Command("checkpoint", "Verify the chain and write its head to the checkpoint file.") { reset };
        checkpoint.SetAction(async (parse, ct) =>
        {
            await using var app = tool();
            await using var scope = app.Services.CreateAsyncScope();
            return await PrintAsync(await scope.ServiceProvider.GetRequiredService<ArchiveAudit>().CheckpointAsync(parse.GetValue(reset), ct));
        });
        archive.Subcommands.Add(checkpoint);
        return archive;
    }

    private static async Task<int> PrintAsync(ArchiveReport report)
    {
        foreach (var line in report.Warnings)
        {
            await Console.Error.WriteLineAsync("warning: " + line);
        }
        foreach (var line in report.Problems)
        {
            await Console.Error.WriteLineAsync(line);
        }
        if (report.Summary is not null)
        {
            await Console.Out.WriteLineAsync(report.Summary);
        }
        return report.Passed ? 0 : 1;
    }
}

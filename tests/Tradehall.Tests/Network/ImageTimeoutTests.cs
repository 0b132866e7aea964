using System.Diagnostics;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>NET-02: a decoder that hangs is stopped at the time limit and the upload is refused, not left waiting.</summary>
public sealed class ImageTimeoutTests(ImageTimeoutTests.App app) : IClassFixture<ImageTimeoutTests.App>
{
    public sealed class App : TradehallApp
    {
        public App()
        {
            var script = Path.Combine(Database.DataPath, "slow-vipsthumbnail.sh");
            Directory.CreateDirectory(Database.DataPath);
            File.WriteAllText(script, "#!/bin/sh\nsleep 30\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            Settings["Network:VipsThumbnail"] = script;
            Settings["Network:ImageTimeout"] = "00:00:01";
        }
    }

    [Fact]
    public async Task NET02_an_image_that_takes_longer_than_the_limit_is_refused()
    {
        var owner = await MemberAsync(app);
        using var browser = new Browser(app);
        await browser.SignInAsync(owner.Member.Email, owner.Member.Password);
        var watch = Stopwatch.StartNew();
        var response = await browser.SubmitFileAsync("/settings/page", "Upload photo", "Photo", "photo.jpg", NetworkPageTests.JpegWithGps());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The image took too long to process.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

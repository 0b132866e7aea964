using System.Buffers.Binary;
using System.Diagnostics;
using Tradehall.Core.Network.Images;
using static Tradehall.Tests.Network.NetworkSteps;

namespace Tradehall.Tests.Network;

/// <summary>
/// SEC-07: an image that declares more pixels than allowed is refused from its header, before a decoder runs;
/// SEC-06: decoders are few at once, and an upload that finds none free is told to retry (429).
/// </summary>
public sealed class ImageBombTests(ImageBombTests.App app) : IClassFixture<ImageBombTests.App>
{
    public sealed class App : TradehallApp
    {
        private readonly string started;
        private readonly string release;

        public App()
        {
            // A decoder that says it started and then waits for the test's word, so a second upload meets a busy slot. Both
            // words pass through named pipes: opening one waits for the other end, so neither side polls.
            Directory.CreateDirectory(Database.DataPath);
            started = Fifo("decoder-started");
            release = Fifo("decoder-release");
            var script = Path.Combine(Database.DataPath, "waiting-vipsthumbnail.sh");
            File.WriteAllText(script, $"#!/bin/sh\n[ \"$1\" = --vips-version ] && echo 'libvips 8.14.1' && exit 0\necho started > '{started}'\nread word < '{release}'\nexit 1\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            Settings["Network:VipsThumbnail"] = script;
            Settings["Network:ImageMaxConcurrentDecodes"] = "1";
            Settings["Network:ImageDecodeWait"] = "00:00:00.200";
        }

        /// <summary>Completes when the decoder has started.</summary>
        public Task DecoderStartedAsync() => Task.Run(() => File.ReadAllText(started)).WaitAsync(Arrival.Patience);

        /// <summary>Lets the waiting decoder end (it fails, as if the image were no image).</summary>
        public Task ReleaseDecoderAsync() => Task.Run(() => File.WriteAllText(release, "go\n")).WaitAsync(Arrival.Patience);

        private string Fifo(string name)
        {
            var path = Path.Combine(Database.DataPath, name);
            using var mkfifo = Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
            return path;
        }
    }

    /// <summary>A PNG signature and IHDR chunk declaring <paramref name="width"/> × <paramref name="height"/>; no pixels follow.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        png[24] = 1; // bit depth
        return png;
    }

    private static MultipartFormDataContent Form(byte[] content) => new() { { new ByteArrayContent(content), "photo", "photo.png" } };

    [Fact]
    public async Task SEC07_an_image_declaring_too_many_pixels_is_refused_before_decoding()
    {
        var owner = await MemberAsync(app);
        using var client = app.Api(owner.Member.Token);
        var watch = Stopwatch.StartNew();
        var response = await client.PutAsync("/api/v1/me/page/photo", Form(PngHeader(60_000, 60_000)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("network.image_too_many_pixels", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("photo", out _));
    }

    [Fact]
    public async Task SEC06_an_upload_that_finds_every_decoder_busy_is_told_to_retry()
    {
        var owner = await MemberAsync(app);
        using var client = app.Api(owner.Member.Token);
        var first = client.PutAsync("/api/v1/me/page/photo", Form(PngHeader(100, 100)));
        try
        {
            await app.DecoderStartedAsync();
            var second = await client.PutAsync("/api/v1/me/page/photo", Form(PngHeader(100, 100)));
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("network.image_busy", (await second.JsonAsync()).GetProperty("code").GetString());
            Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        finally
        {
            await app.ReleaseDecoderAsync();
        }
        // The released decoder fails, so the first upload is refused as no image; its slot is free again.
        Assert.Equal(HttpStatusCode.BadRequest, (await first).StatusCode);
    }

    [Theory]
    [InlineData("png", 640, 480)]
    [InlineData("jpg", 641, 479)]
    [InlineData("webp", 320, 200)]
    public void SEC07_the_header_size_of_real_images_is_read(string format, int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sec07-{Guid.NewGuid():N}.{format}");
        using (var vips = Process.Start(new ProcessStartInfo("vips", ["black", path, width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            height.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!)
        {
            vips.WaitForExit();
            Assert.Equal(0, vips.ExitCode);
        }
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        Assert.Equal(((long)width, (long)height), ImageHeader.Size(bytes));
    }
}

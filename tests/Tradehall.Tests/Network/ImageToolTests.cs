namespace Tradehall.Tests.Network;

/// <summary>NET-02: without libvips' tool the site still runs, says so in health and answers uploads plainly — never a 500.</summary>
public sealed class ImageToolTests
{
    [Fact]
    public async Task NET02_without_the_image_tool_health_is_degraded_and_an_upload_is_refused_with_a_clear_503()
    {
        using var app = new TradehallApp { Settings = { ["Network:VipsThumbnail"] = "/nonexistent/vipsthumbnail" } };
        var member = await Members.RegisterAsync(app);
        using var client = app.Api(member.Token);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(NetworkPageTests.JpegWithGps()), "photo", "me.jpg" } };
        var upload = await client.PutAsync("/api/v1/me/page/photo", form);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Equal("network.images_unavailable", (await upload.JsonAsync()).GetProperty("code").GetString());

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }
}

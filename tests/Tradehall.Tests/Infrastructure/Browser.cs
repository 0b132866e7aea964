using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping client that fills and posts the site's own forms (with their antiforgery
/// token), for page flows that need no JavaScript. One instance is one browser.
/// </summary>
public sealed class Browser(TradehallApp app) : IDisposable
{
    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Submits the form of <paramref name="url"/> that contains <paramref name="button"/> text, with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string button, Dictionary<string, string>? fields = null, Func<IHtmlFormElement, bool>? pick = null)
    {
        var (_, page) = await GetAsync(url);
        var form = page.Forms.FirstOrDefault(f => (pick?.Invoke(f) ?? true) && f.QuerySelectorAll("button").Any(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No form with a '{button}' button on {url}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is { Length: > 0 } && (i.Type is not ("checkbox" or "radio") || i.IsChecked))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (key, value) in fields ?? [])
        {
            values[key] = value;
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Submits a multipart form of <paramref name="url"/> (found by its button text) with one file and the form's own fields.</summary>
    public async Task<HttpResponseMessage> SubmitFileAsync(string url, string button, string fileField, string fileName, byte[] content)
    {
        var (_, page) = await GetAsync(url);
        var form = page.Forms.FirstOrDefault(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No form with a '{button}' button on {url}");
        Assert.Equal("multipart/form-data", form.Enctype);
        using var body = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 } && i.Type != "file"))
        {
            body.Add(new StringContent(input.Value), input.Name!);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        body.Add(file, fileField, fileName);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await client.PostAsync(action, body);
    }

    public Task<HttpResponseMessage> PostRawAsync(string url, Dictionary<string, string> fields) => client.PostAsync(url, new FormUrlEncodedContent(fields));

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/account/sign-in", "Sign in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>True when the settings page opens, i.e. this browser has a live session.</summary>
    public async Task<bool> IsSignedInAsync() => (await client.GetAsync("/settings")).StatusCode == System.Net.HttpStatusCode.OK;

    public void Dispose() => client.Dispose();
}

using Tradehall.Core.Billing;
using Tradehall.Core.Archive;
using Tradehall.Core.Notifications;
using static Tradehall.Tests.Documents.CertificateSteps;

namespace Tradehall.Tests.Documents;

/// <summary>DOC-01, DOC-02: acceptance certificates issued by the daily billing run, on a fake clock; each test has a site of its own.</summary>
public sealed class CertificateTests
{
    private static Task<int> NoticesAsync(TradehallApp app, Guid memberId, string subject) =>
        app.WithDb(db => db.Set<Notification>().CountAsync(n => n.MemberId == memberId && n.Link == "/billing/certificates" && n.Notice!.Contains(subject)));

    [Fact]
    public async Task DOC01_BIL08_a_31_January_account_is_certified_for_31_January_to_27_February_on_28_February_and_a_rerun_issues_nothing_twice()
    {
        using var app = new CertificateApp(new DateOnly(2027, 1, 31));
        var (s, client) = await SubscribedAsync(app, 3);

        await RunAsync(app, new DateOnly(2027, 2, 27));
        Assert.Empty(await CertificatesAsync(client));

        await RunAsync(app, new DateOnly(2027, 2, 28));
        var first = Assert.Single(await CertificatesAsync(client));
        Assert.Equal(new DateOnly(2027, 1, 31), Day(first, "periodFrom"));
        Assert.Equal(new DateOnly(2027, 2, 27), Day(first, "periodTo"));
        // The renewal charged on 28 February opens the next period: only the first period's order is in it.
        Assert.Equal(s.Price, first.GetProperty("amount").GetDecimal());
        Assert.Equal("published", first.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2027, 3, 15), Day(first, "objectionEndsOn"));
        var number = first.GetProperty("number").GetString()!;
        Assert.Matches(@"^A-2027-\d{6}$", number);
        Assert.Equal(1, await NoticesAsync(app, s.Member.Id, "An acceptance certificate is published"));

        // The same day again, as after a crash midway: nothing is issued twice.
        await RunAsync(app, new DateOnly(2027, 2, 28));
        await RunAsync(app, new DateOnly(2027, 3, 1));
        Assert.Single(await CertificatesAsync(client));
        Assert.Equal(1, await NoticesAsync(app, s.Member.Id, "An acceptance certificate is published"));

        await RunAsync(app, new DateOnly(2027, 3, 31));
        var both = await CertificatesAsync(client);
        Assert.Equal(2, both.Length);
        Assert.Equal(new DateOnly(2027, 2, 28), Day(both[0], "periodFrom"));
        Assert.Equal(new DateOnly(2027, 3, 30), Day(both[0], "periodTo"));
        Assert.Equal(s.Price, both[0].GetProperty("amount").GetDecimal());
        Assert.NotEqual(number, both[0].GetProperty("number").GetString());
        Assert.Equal(2, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.Action == "documents.certificate_published" && r.OnBehalfOfId == s.Member.Id)));
    }

    [Fact]
    public async Task DOC01_BIL08_in_a_leap_year_the_31_January_period_runs_to_28_February_and_is_certified_on_29_February()
    {
        using var app = new CertificateApp(new DateOnly(2028, 1, 31));
        var (_, client) = await SubscribedAsync(app, 2, type: "entrepreneur");
        await RunAsync(app, new DateOnly(2028, 2, 28));
        Assert.Empty(await CertificatesAsync(client));
        await RunAsync(app, new DateOnly(2028, 2, 29));
        var certificate = Assert.Single(await CertificatesAsync(client));
        Assert.Equal(new DateOnly(2028, 1, 31), Day(certificate, "periodFrom"));
        Assert.Equal(new DateOnly(2028, 2, 28), Day(certificate, "periodTo"));
    }

    [Fact]
    public async Task DOC02_the_certificate_is_a_pdf_with_its_number_period_services_amounts_and_the_operator_and_only_its_owner_gets_it()
    {
        using var app = new CertificateApp(new DateOnly(2027, 4, 10));
        var (s, client) = await SubscribedAsync(app, 2);
        var (_, stranger) = await SubscribedAsync(app, 1);
        await RunAsync(app, new DateOnly(2027, 5, 10));
        var certificate = Assert.Single(await CertificatesAsync(client));
        var pdfUrl = certificate.GetProperty("pdfUrl").GetString()!;
        Assert.Equal($"/api/v1/billing/certificates/{certificate.GetProperty("id").GetGuid()}/pdf", pdfUrl);

        var response = await client.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var text = await PdfText.ReadAsync(bytes);
        var number = certificate.GetProperty("number").GetString()!;
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Акт об оказании услуг", text, StringComparison.Ordinal);
        Assert.Contains("10.04.2027 – 09.05.2027", text, StringComparison.Ordinal);
        Assert.Contains(Core.Documents.Invoices.InvoicePdf.FormatAmount((long)(s.Price * 100)), text, StringComparison.Ordinal);
        Assert.Contains("7707083893", text, StringComparison.Ordinal);
        Assert.Contains("Tradehall Demo Operator LLC", text, StringComparison.Ordinal);
        Assert.Contains(s.Number, text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(pdfUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(stranger, certificate)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ObjectAsync(stranger, certificate, "Not mine")).StatusCode);
    }

    [Fact]
    public async Task DOC01_individuals_get_no_certificate()
    {
        using var app = new CertificateApp(new DateOnly(2027, 6, 5));
        var (_, client) = await SubscribedAsync(app, 2, type: "individual");
        await RunAsync(app, new DateOnly(2027, 7, 5));
        Assert.Empty(await CertificatesAsync(client));
    }

    [Fact]
    public async Task DOC01_a_subscriber_accepts_or_objects_with_reasons_an_empty_reason_is_refused_and_a_decided_certificate_is_not_decided_again()
    {
        using var app = new CertificateApp(new DateOnly(2027, 8, 1));
        var (_, accepting) = await SubscribedAsync(app, 2);
        var (_, objecting) = await SubscribedAsync(app, 2);
        await RunAsync(app, new DateOnly(2027, 9, 1));

        var mine = Assert.Single(await CertificatesAsync(accepting));
        var accepted = await AcceptAsync(accepting, mine);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await AcceptAsync(accepting, mine)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ObjectAsync(accepting, mine, "Too late")).StatusCode);

        var theirs = Assert.Single(await CertificatesAsync(objecting));
        foreach (var empty in new[] { null, "", "   " })
        {
            var refused = await ObjectAsync(objecting, theirs, empty);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        }
        Assert.Equal("published", Assert.Single(await CertificatesAsync(objecting)).GetProperty("status").GetString());
        var objected = await ObjectAsync(objecting, theirs, "The analytics service was unavailable from 5 to 9 August.");
        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        var view = Assert.Single(await CertificatesAsync(objecting));
        Assert.Equal("objected", view.GetProperty("status").GetString());
        Assert.Equal("The analytics service was unavailable from 5 to 9 August.", view.GetProperty("objectionReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ObjectAsync(objecting, theirs, "Again")).StatusCode);

        using var console = app.Api(await Operators.TokenAsync(app));
        var queue = await (await console.GetAsync("/api/v1/operator/certificates/objected")).JsonAsync();
        var listed = Assert.Single(queue.EnumerateArray());
        Assert.Equal(theirs.GetProperty("number").GetString(), listed.GetProperty("number").GetString());
        Assert.Equal("The analytics service was unavailable from 5 to 9 August.", listed.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DOC01_an_objection_is_taken_on_the_15th_day_after_publication_and_refused_with_409_after_it()
    {
        using var app = new CertificateApp(new DateOnly(2027, 10, 3));
        var (_, onTime) = await SubscribedAsync(app, 1);
        var (_, late) = await SubscribedAsync(app, 1);
        await RunAsync(app, new DateOnly(2027, 11, 3));

        app.Clock.SetUtcNow(At(new DateOnly(2027, 11, 18)));
        Assert.Equal(HttpStatusCode.OK, (await ObjectAsync(onTime, Assert.Single(await CertificatesAsync(onTime)), "Wrong amount")).StatusCode);

        app.Clock.SetUtcNow(At(new DateOnly(2027, 11, 19)));
        var refused = await ObjectAsync(late, Assert.Single(await CertificatesAsync(late)), "Wrong amount");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("documents.objection_window_closed", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("published", Assert.Single(await CertificatesAsync(late)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DOC01_with_no_objection_the_run_accepts_a_certificate_on_the_30th_day_after_publication_not_the_29th()
    {
        using var app = new CertificateApp(new DateOnly(2027, 1, 10));
        var (s, silent) = await SubscribedAsync(app, 1);
        var (_, objecting) = await SubscribedAsync(app, 1);
        await RunAsync(app, new DateOnly(2027, 2, 10));
        Assert.Equal(HttpStatusCode.OK, (await ObjectAsync(objecting, Assert.Single(await CertificatesAsync(objecting)), "Not rendered")).StatusCode);

        await RunAsync(app, new DateOnly(2027, 3, 11));
        Assert.Equal("published", Assert.Single(await CertificatesAsync(silent)).GetProperty("status").GetString());

        await RunAsync(app, new DateOnly(2027, 3, 12));
        var accepted = Assert.Single(await CertificatesAsync(silent));
        Assert.Equal("autoAccepted", accepted.GetProperty("status").GetString());
        Assert.Equal(At(new DateOnly(2027, 3, 12)).UtcDateTime, accepted.GetProperty("decidedAt").GetDateTime());
        Assert.Equal(1, await NoticesAsync(app, s.Member.Id, "An acceptance certificate is accepted"));
        Assert.Equal("objected", Assert.Single(await CertificatesAsync(objecting)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DOC01_two_overlapping_certificate_runs_as_after_a_crash_on_another_node_issue_each_certificate_once()
    {
        using var app = new CertificateApp(new DateOnly(2027, 5, 20));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            clients.Add((await SubscribedAsync(app, 1)).Client);
        }
        var day = new DateOnly(2027, 6, 20);
        app.Clock.SetUtcNow(At(day));
        // The step without the run's lease, twice at once: only the unique (member, period) index keeps them apart.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var step = scope.ServiceProvider.GetServices<IBillingRunStep>().Single(s => s.Name == "certificates");
            await step.RunAsync(day, _ => Task.CompletedTask, CancellationToken.None);
        }));
        var numbers = new List<string>();
        foreach (var client in clients)
        {
            numbers.Add(Assert.Single(await CertificatesAsync(client)).GetProperty("number").GetString()!);
        }
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.Equal(3, await app.WithDb(db => db.Set<ArchiveRecord>().CountAsync(r => r.Action == "documents.certificate_published")));
    }
}

using System.Text.RegularExpressions;
using Tradehall.Core.Billing.Services;

namespace Tradehall.Core.Billing.Catalog;

/// <summary>
/// A kind as the operator writes it; missing grace and reserve days come from the named <c>gracePreset</c> (BIL-11, §13), and on
/// create without one from the general defaults.
/// </summary>
public sealed record KindRequest(string? Code, string? NameEn, string? NameRu, int? GraceDays, int? ReserveDays, string? GracePreset = null);

/// <summary>
/// A tariff as the operator writes it. On update, a missing field keeps its value; a new price is
/// announced for <see cref="EffectiveOn"/> (default: the earliest day the notice allows, BIL-14). A new tariff of a kind
/// that members hold goes on sale on <see cref="EffectiveOn"/> too, announced to them; of a kind nobody holds, at once.
/// </summary>
public sealed record TariffRequest(
    string? Name, decimal? Price, int? PeriodMonths, string? TaxMode, int? VatRate, bool? Refundable, bool? ConfirmationRequired, DateOnly? EffectiveOn = null,
    string? NameRu = null, string? DescriptionEn = null, string? DescriptionRu = null);

public sealed record CloseTariffRequest(Guid? SuccessorTariffId);

public sealed record AdminTariffView(
    Guid Id, string Name, decimal Price, int PeriodMonths, string TaxMode, int? VatRate, bool Refundable, bool ConfirmationRequired, bool Active,
    decimal? PendingPrice, DateOnly? PendingPriceFrom, Guid? SuccessorTariffId, DateOnly? ClosedOn, int Subscribers,
    string? NameRu, string? DescriptionEn, string? DescriptionRu, DateOnly? OnSaleFrom);

public sealed record AdminKindView(string Code, string NameEn, string NameRu, bool BuiltIn, int GraceDays, int ReserveDays, IReadOnlyList<AdminTariffView> Tariffs,
    string? HookUrl);

/// <summary>BIL-06, BIL-14: the operator's catalogue — kinds and tariffs, price changes announced ahead, closing with a successor.</summary>
public sealed partial class CatalogAdmin(
    AppDbContext db, ServiceCatalog catalog, TariffAnnouncements announcements, EvidenceArchive archive, TimeProvider time,
    IOptions<BillingOptions> options, IOptions<TradehallOptions> site)
{
    public const string TaxNone = "none";
    public const string TaxVat = "vat";
    private const int MaxPercent = 100;

    // The same bounds the options accept for the built-in kinds' grace period.
    private const int MaxDays = 3650;

    public async Task<IReadOnlyList<AdminKindView>> ListAsync(CancellationToken cancellationToken)
    {
        var kinds = await db.Set<ServiceKind>().AsNoTracking().OrderByDescending(k => k.BuiltIn).ThenBy(k => k.Code).ToListAsync(cancellationToken);
        var tariffs = await db.Set<Tariff>().AsNoTracking().OrderByDescending(t => t.Active).ThenBy(t => t.Price).ToListAsync(cancellationToken);
        var subscribers = (await db.Set<SubscribedService>().AsNoTracking().Where(s => s.Status != ServiceStatus.Stopped)
            .GroupBy(s => s.TariffId).Select(g => new { g.Key, Count = g.Select(s => s.MemberId).Distinct().Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        return kinds.Select(k => View(k, tariffs.Where(t => t.KindId == k.Id), subscribers)).ToList();
    }

    public async Task<AdminKindView> KindAsync(string code, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(k => k.Code == code)
            ?? throw DomainException.NotFound("billing.unknown_kind", "There is no such service kind.");

    public async Task<AdminKindView> CreateKindAsync(Guid operatorId, KindRequest request, CancellationToken cancellationToken)
    {
        var preset = GracePresets.Find(options.Value, request.GracePreset);
        var grace = request.GraceDays ?? preset?.GraceDays ?? options.Value.GeneralGraceDays;
        var reserve = request.ReserveDays ?? preset?.ReserveDays ?? Math.Min(options.Value.GeneralReserveDays, grace);
        var errors = CheckKind(request, grace, reserve);
        var code = request.Code?.Trim() ?? "";
        if (!errors.Has("code") && await db.Set<ServiceKind>().AnyAsync(k => k.Code == code, cancellationToken))
        {
            errors.Add("code", "This code is already used by another kind.");
        }
        errors.ThrowIfAny();
        var kind = new ServiceKind { Code = code, NameEn = request.NameEn!.Trim(), NameRu = request.NameRu!.Trim(), GraceDays = grace, ReserveDays = reserve };
        db.Set<ServiceKind>().Add(kind);
        archive.Record("billing.kind_created", $"service-kind:{kind.Code}", operatorId, after: new { kind.Code, kind.NameEn, kind.NameRu, kind.GraceDays, kind.ReserveDays });
        await SaveKindAsync(cancellationToken);
        return await KindAsync(kind.Code, cancellationToken);
    }

    /// <summary>A built-in kind keeps its code; an operator-defined kind changes code only while no service refers to it by code.</summary>
    public async Task<AdminKindView> UpdateKindAsync(Guid operatorId, string code, KindRequest request, CancellationToken cancellationToken)
    {
        var kind = await db.Set<ServiceKind>().FirstOrDefaultAsync(k => k.Code == code, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_kind", "There is no such service kind.");
        var newCode = string.IsNullOrWhiteSpace(request.Code) ? kind.Code : request.Code.Trim();
        var preset = GracePresets.Find(options.Value, request.GracePreset);
        var grace = request.GraceDays ?? preset?.GraceDays ?? kind.GraceDays;
        var reserve = request.ReserveDays ?? preset?.ReserveDays ?? kind.ReserveDays;
        var errors = CheckKind(request with { Code = newCode, NameEn = request.NameEn ?? kind.NameEn, NameRu = request.NameRu ?? kind.NameRu }, grace, reserve);
        if (!errors.Has("code") && newCode != kind.Code)
        {
            if (kind.BuiltIn)
            {
                errors.Add("code", "The code of a built-in kind cannot be changed.");
            }
            else if (await db.Set<ServiceKind>().AnyAsync(k => k.Code == newCode, cancellationToken))
            {
                errors.Add("code", "This code is already used by another kind.");
            }
            else if (await db.Set<SubscribedService>().AnyAsync(s => s.KindCode == kind.Code, cancellationToken))
            {
                errors.Add("code", "Services of this kind have been ordered, so its code can no longer change.");
            }
        }
        errors.ThrowIfAny();
        var before = new { kind.Code, kind.NameEn, kind.NameRu, kind.GraceDays, kind.ReserveDays };
        kind.Code = newCode;
        kind.NameEn = (request.NameEn ?? kind.NameEn).Trim();
        kind.NameRu = (request.NameRu ?? kind.NameRu).Trim();
        kind.GraceDays = grace;
        kind.ReserveDays = reserve;
        archive.Record("billing.kind_changed", $"service-kind:{kind.Id}", operatorId, before: before,
            after: new { kind.Code, kind.NameEn, kind.NameRu, kind.GraceDays, kind.ReserveDays });
        await SaveKindAsync(cancellationToken);
        return await KindAsync(kind.Code, cancellationToken);
    }

    public async Task<AdminTariffView> CreateTariffAsync(Guid operatorId, string kindCode, TariffRequest request, CancellationToken cancellationToken)
    {
        var kind = await db.Set<ServiceKind>().AsNoTracking().FirstOrDefaultAsync(k => k.Code == kindCode, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_kind", "There is no such service kind.");
        var errors = new FieldErrors();
        var name = CheckName(request.Name, errors);
        var wording = CheckWording(request, errors);
        var price = CheckPrice(request.Price, errors);
        var months = CheckMonths(request.PeriodMonths ?? 1, errors);
        var vat = CheckTax(request.TaxMode ?? TaxNone, request.VatRate, errors);
        // BIL-14: members holding the kind are told of a new tariff ahead; a kind nobody holds may sell it at once.
        var holders = await announcements.HoldersOfKindAsync(kind.Code, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var earliest = holders.Count > 0 ? today.AddDays(options.Value.TariffChangeNoticeDays) : today;
        var onSale = request.EffectiveOn ?? earliest;
        if (onSale < earliest)
        {
            errors.Add("effectiveOn", "Subscribers of this service must be told of a new tariff in advance; choose a later day.");
        }
        errors.ThrowIfAny();
        var tariff = new Tariff
        {
            KindId = kind.Id,
            Name = name,
            NameRu = wording.NameRu,
            DescriptionEn = wording.DescriptionEn,
            DescriptionRu = wording.DescriptionRu,
            Price = price,
            PeriodMonths = months,
            VatRate = vat,
            Refundable = request.Refundable ?? true,
            ConfirmationRequired = request.ConfirmationRequired ?? false,
            CreatedAt = time.UtcNow(),
            Active = onSale <= today,
            OnSaleFrom = onSale > today ? onSale : null,
        };
        db.Set<Tariff>().Add(tariff);
        if (holders.Count > 0)
        {
            await announcements.AnnounceAsync(TariffChangeType.New, kind, tariff, null, null, price, onSale, operatorId, cancellationToken);
        }
        archive.Record("billing.tariff_created", $"tariff:{tariff.Id}", operatorId,
            after: new { kind = kind.Code, tariff.Name, price = Money.ToAmount(tariff.Price), tariff.PeriodMonths, tariff.VatRate, tariff.Refundable, tariff.ConfirmationRequired });
        await db.SaveChangesAsync(cancellationToken);
        return View(tariff, 0);
    }

    /// <summary>
    /// BIL-14: names, flags and tax mode change at once; a new price never does — it is announced to the
    /// tariff's subscribers and takes effect on a day at least the notice period away. The period length of a
    /// tariff someone holds is fixed, since it changes what each renewal buys.
    /// </summary>
    public async Task<AdminTariffView> UpdateTariffAsync(Guid operatorId, Guid id, TariffRequest request, CancellationToken cancellationToken)
    {
        await catalog.ApplyDuePricesAsync(cancellationToken);
        var tariff = await db.Set<Tariff>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_tariff", "There is no such tariff.");
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == tariff.KindId, cancellationToken);
        var subscribers = await announcements.HoldersOfTariffAsync(tariff.Id, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var errors = new FieldErrors();
        var name = request.Name is null ? tariff.Name : CheckName(request.Name, errors);
        var wording = CheckWording(request, errors);
        var price = request.Price is null ? tariff.PendingPrice ?? tariff.Price : CheckPrice(request.Price, errors);
        var months = request.PeriodMonths is { } m ? CheckMonths(m, errors) : tariff.PeriodMonths;
        if (!errors.Has("periodMonths") && months != tariff.PeriodMonths && subscribers.Count > 0)
        {
            errors.Add("periodMonths", "Members hold this tariff, so its period cannot change. Open a new tariff and close this one with it as the successor.");
        }
        var vat = request.TaxMode is null && request.VatRate is null ? tariff.VatRate : CheckTax(request.TaxMode ?? (request.VatRate is null ? TaxNone : TaxVat), request.VatRate, errors);
        var earliest = today.AddDays(options.Value.TariffChangeNoticeDays);
        var priceChanges = !errors.Has("price") && price != (tariff.PendingPrice ?? tariff.Price);
        var effectiveOn = request.EffectiveOn ?? earliest;
        if (priceChanges && effectiveOn < earliest)
        {
            errors.Add("effectiveOn", "Subscribers must be told of a new price in advance; choose a later day.");
        }
        errors.ThrowIfAny();

        var before = Evidence(tariff);
        tariff.Name = name;
        tariff.NameRu = request.NameRu is null ? tariff.NameRu : wording.NameRu;
        tariff.DescriptionEn = request.DescriptionEn is null ? tariff.DescriptionEn : wording.DescriptionEn;
        tariff.DescriptionRu = request.DescriptionRu is null ? tariff.DescriptionRu : wording.DescriptionRu;
        tariff.PeriodMonths = months;
        tariff.VatRate = vat;
        tariff.Refundable = request.Refundable ?? tariff.Refundable;
        tariff.ConfirmationRequired = request.ConfirmationRequired ?? tariff.ConfirmationRequired;
        if (priceChanges)
        {
            await announcements.AnnounceAsync(TariffChangeType.Price, kind, tariff, null, tariff.Price, price, effectiveOn, operatorId, cancellationToken);
            tariff.PendingPrice = price;
            tariff.PendingPriceFrom = effectiveOn;
        }
        archive.Record(priceChanges ? "billing.tariff_price_announced" : "billing.tariff_changed", $"tariff:{tariff.Id}", operatorId,
            before: before, after: new { kind = kind.Code, tariff = Evidence(tariff), notified = priceChanges ? subscribers.Count : 0 });
        await db.SaveChangesAsync(cancellationToken);
        return View(tariff, subscribers.Count);
    }

    /// <summary>BIL-14: a closed tariff leaves the catalogue; its subscribers are told they move to the successor after the notice period.</summary>
    public async Task<AdminTariffView> CloseTariffAsync(Guid operatorId, Guid id, CloseTariffRequest request, CancellationToken cancellationToken)
    {
        var tariff = await db.Set<Tariff>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("billing.unknown_tariff", "There is no such tariff.");
        if (!tariff.Active)
        {
            throw DomainException.Conflict("billing.tariff_closed", "successorTariffId", "This tariff is already closed.");
        }
        if (request.SuccessorTariffId is not { } successorId)
        {
            throw DomainException.Field("request.invalid", "successorTariffId", "Choose the tariff its subscribers move to.");
        }
        var successor = await db.Set<Tariff>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == successorId, cancellationToken);
        if (successor is null || successor.Id == tariff.Id || successor.KindId != tariff.KindId || !successor.Active)
        {
            throw DomainException.Field("request.invalid", "successorTariffId", "The successor must be another open tariff of the same kind.");
        }
        var kind = await db.Set<ServiceKind>().AsNoTracking().SingleAsync(k => k.Id == tariff.KindId, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var moveOn = today.AddDays(options.Value.TariffChangeNoticeDays);
        var subscribers = await announcements.HoldersOfTariffAsync(tariff.Id, cancellationToken);
        tariff.Active = false;
        tariff.SuccessorTariffId = successor.Id;
        tariff.ClosedOn = today;
        await announcements.AnnounceAsync(TariffChangeType.Closed, kind, tariff, successor, tariff.Price, ServiceCatalog.PriceOn(successor, moveOn), moveOn, operatorId,
            cancellationToken);
        archive.Record("billing.tariff_closed", $"tariff:{tariff.Id}", operatorId,
            after: new { kind = kind.Code, tariff.Name, successor = successor.Id, successorName = successor.Name, moveOn, notified = subscribers.Count });
        await db.SaveChangesAsync(cancellationToken);
        return View(tariff, subscribers.Count);
    }

    private static FieldErrors CheckKind(KindRequest request, int grace, int reserve)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("code", "Enter a code.");
        }
        else if (code.Length > 40 || !Slug().IsMatch(code))
        {
            errors.Add("code", "Use up to 40 lowercase Latin letters, digits and single hyphens, for example web-hosting.");
        }
        CheckText(request.NameEn, "nameEn", errors);
        CheckText(request.NameRu, "nameRu", errors);
        if (grace < 1 || grace > MaxDays)
        {
            errors.Add("graceDays", "Enter a number of days from 1 to 3650.");
        }
        if (reserve < 0 || reserve > MaxDays)
        {
            errors.Add("reserveDays", "Enter a number of days from 0 to 3650.");
        }
        else if (!errors.Has("graceDays") && reserve > grace)
        {
            errors.Add("reserveDays", "The reserve is part of the grace period, so it cannot be longer.");
        }
        return errors;
    }

    private static string CheckName(string? name, FieldErrors errors) => CheckText(name, "name", errors);

    /// <summary>The optional Russian name and the descriptions; an empty one clears it.</summary>
    private static (string? NameRu, string? DescriptionEn, string? DescriptionRu) CheckWording(TariffRequest request, FieldErrors errors) =>
        (Optional(request.NameRu, "nameRu", Tariff.NameLength, errors), Optional(request.DescriptionEn, "descriptionEn", Tariff.DescriptionLength, errors),
            Optional(request.DescriptionRu, "descriptionRu", Tariff.DescriptionLength, errors));

    private static string? Optional(string? value, string field, int length, FieldErrors errors)
    {
        var text = value?.Trim();
        if (text?.Length > length)
        {
            errors.Add(field, $"Use at most {length} characters.");
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string CheckText(string? value, string field, FieldErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, "Enter a name.");
        }
        else if (text.Length > 100)
        {
            errors.Add(field, "Use at most 100 characters.");
        }
        return text;
    }

    private long CheckPrice(decimal? price, FieldErrors errors)
    {
        if (price is not { } value)
        {
            errors.Add("price", "Enter the price.");
        }
        else if (value <= 0)
        {
            errors.Add("price", "The price must be greater than zero.");
        }
        else if (Money.ToMinor(value) is not { } minor)
        {
            errors.Add("price", "The price may have at most two decimal places.");
        }
        else if (value > options.Value.MaxPayment)
        {
            errors.Add("price", "The price is higher than the site accepts.");
        }
        else
        {
            return minor;
        }
        return 0;
    }

    private int CheckMonths(int months, FieldErrors errors)
    {
        if (months < 1 || months > options.Value.MaxTariffPeriodMonths)
        {
            errors.Add("periodMonths", "The period is outside the allowed number of months.");
        }
        return months;
    }

    private static int? CheckTax(string mode, int? rate, FieldErrors errors)
    {
        switch (mode)
        {
            case TaxNone:
                return null;
            case TaxVat when rate is >= 0 and <= MaxPercent:
                return rate;
            case TaxVat:
                errors.Add("vatRate", "Enter the VAT rate in percent, from 0 to 100.");
                return null;
            default:
                errors.Add("taxMode", "Choose \"none\" or \"vat\".");
                return null;
        }
    }

    private async Task SaveKindAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The kind's unique code is what can collide: another operator took the same code a moment earlier.
            db.ChangeTracker.Clear();
            throw DomainException.Field("request.invalid", "code", "This code is already used by another kind.");
        }
    }

    private static object Evidence(Tariff t) => new
    {
        t.Name, t.NameRu, t.DescriptionEn, t.DescriptionRu, price = Money.ToAmount(t.Price), t.PeriodMonths, t.VatRate, t.Refundable, t.ConfirmationRequired,
        pendingPrice = t.PendingPrice is { } p ? Money.ToAmount(p) : (decimal?)null, t.PendingPriceFrom,
    };

    private static AdminKindView View(ServiceKind k, IEnumerable<Tariff> tariffs, IReadOnlyDictionary<Guid, int> subscribers) =>
        new(k.Code, k.NameEn, k.NameRu, k.BuiltIn, k.GraceDays, k.ReserveDays,
            tariffs.Select(t => View(t, subscribers.GetValueOrDefault(t.Id))).ToList(), k.HookUrl);

    private static AdminTariffView View(Tariff t, int subscribers) =>
        new(t.Id, t.Name, Money.ToAmount(t.Price), t.PeriodMonths, t.VatRate is null ? TaxNone : TaxVat, t.VatRate, t.Refundable, t.ConfirmationRequired, t.Active,
            t.PendingPrice is { } p ? Money.ToAmount(p) : null, t.PendingPriceFrom, t.SuccessorTariffId, t.ClosedOn, subscribers,
            t.NameRu, t.DescriptionEn, t.DescriptionRu, t.OnSaleFrom);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}

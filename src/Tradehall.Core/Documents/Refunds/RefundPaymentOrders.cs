using Tradehall.Core.Billing.Refunds;

namespace Tradehall.Core.Documents.Refunds;

/// <summary>
/// BIL-17: the refunds waiting to be paid as payment orders in the 1C ClientBankExchange format (version 1.03, windows-1251),
/// which an accountant loads into the bank client to pay them: one order from the operator's account to each payee.
/// </summary>
public sealed class RefundPaymentOrders(Billing.Refunds.Refunds refunds, TimeProvider time, IOptions<DocumentsOptions> options, IOptions<TradehallOptions> site)
{
    public const string ContentType = "text/plain; charset=windows-1251";

    public async Task<(byte[] Content, string FileName, int Count)> ExportAsync(CancellationToken cancellationToken)
    {
        var due = await refunds.QueueAsync(open: true, cancellationToken);
        var today = time.Today(site.Value.Zone);
        var o = options.Value;
        var text = new StringBuilder();
        void Line(string key, string value) => text.Append(key).Append('=').Append(value).Append("\r\n");
        text.Append("1CClientBankExchange\r\n");
        Line("ВерсияФормата", "1.03");
        Line("Кодировка", "Windows");
        Line("Отправитель", "Tradehall");
        Line("ДатаСоздания", Day(today));
        Line("ВремяСоздания", time.GetUtcNow().ToOffset(site.Value.Zone.GetUtcOffset(time.GetUtcNow())).ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        Line("ДатаНачала", Day(today));
        Line("ДатаКонца", Day(today));
        Line("РасчСчет", o.SettlementAccount);
        Line("Документ", "Платежное поручение");
        foreach (var refund in due)
        {
            text.Append("СекцияДокумент=Платежное поручение\r\n");
            Line("Номер", refund.Id.ToString("N")[^6..].ToUpperInvariant());
            Line("Дата", Day(today));
            Line("Сумма", refund.Amount.ToString("0.00", CultureInfo.InvariantCulture));
            Line("ПлательщикСчет", o.SettlementAccount);
            Line("Плательщик", $"ИНН {o.Inn} {o.LegalName}");
            Line("ПлательщикИНН", o.Inn);
            Line("Плательщик1", o.LegalName);
            Line("ПлательщикКПП", o.Kpp);
            Line("ПлательщикБанк1", o.BankName);
            Line("ПлательщикБИК", o.Bic);
            Line("ПлательщикКорсчет", o.CorrespondentAccount);
            Line("ПолучательСчет", refund.SettlementAccount);
            Line("Получатель", $"ИНН {refund.PayerInn} {refund.PayerName}");
            Line("ПолучательИНН", refund.PayerInn);
            Line("Получатель1", refund.PayerName);
            Line("ПолучательБИК", refund.Bic);
            Line("ПолучательКорсчет", refund.CorrespondentAccount);
            Line("ВидОплаты", "01");
            Line("Очередность", "5");
            Line("СрокПлатежа", Day(refund.DueOn));
            Line("НазначениеПлатежа",
                $"Возврат остатка денежных средств с лицевого счёта {refund.AccountNumber} по заявлению от {Day(DateOnly.FromDateTime(refund.RequestedAt))}. Без НДС.");
            text.Append("КонецДокумента\r\n");
        }
        text.Append("КонецФайла\r\n");
        var content = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text.ToString());
        return (content, $"refunds-{today:yyyy-MM-dd}.txt", due.Count);
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}

namespace Tradehall.Core.Shared;

/// <summary>
/// NTF-02: queues an email or SMS in the caller's unit of work; it is sent only if that unit commits. Declared here so
/// that modules below the one that delivers (accounts sending codes and links) can queue without depending on it.
/// </summary>
public interface IOutbox
{
    void Email(Guid? memberId, string to, string subject, string body);

    void Sms(Guid? memberId, string to, string text);
}

using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RegioFlow.Jobs;

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>SMTP server; empty = write each mail as an .eml file to <see cref="PickupDirectory"/> (embedded default).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "RegioFlow <noreply@regioflow.invalid>";

    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>Address of RegioFlow in links in mails, e.g. https://regioflow.example.nl.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends mail over SMTP (MailKit) or, without an SMTP host, drops it in the pickup folder.</summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var file = Path.Combine(settings.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

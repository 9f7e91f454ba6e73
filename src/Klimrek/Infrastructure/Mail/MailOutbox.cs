using System.Threading.Channels;

namespace Klimrek.Infrastructure.Mail;

/// <summary>
/// Where the app's code puts mail: queued at once and delivered in the background by <see cref="MailDelivery"/>, so a
/// request never waits for the mail server, a slow or failing server never fails the request, and every request that
/// mails (or deliberately does not) takes the same time.
/// </summary>
public sealed class MailOutbox
{
    private readonly Channel<MailMessage> _queue = Channel.CreateUnbounded<MailMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Writer.TryWrite(message);
    }

    internal ChannelReader<MailMessage> Reader => _queue.Reader;
}

/// <summary>Delivers the outbox's mail one at a time, retrying a failed delivery twice; on shutdown it still sends what is queued (for a few seconds).</summary>
public sealed class MailDelivery(MailOutbox outbox, IMailSender sender, TimeProvider clock, ILogger<MailDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
                await DeliverAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);
            while (!drain.IsCancellationRequested && outbox.Reader.TryRead(out var message))
                await DeliverAsync(message, drain.Token);
        }
    }

    private async Task DeliverAsync(MailMessage message, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendAsync(message, ct);
                logger.LogInformation("Mail delivered: {Subject}", message.Subject);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Retries.Length)
            {
                logger.LogWarning(e, "Mail delivery failed (attempt {Attempt}); retrying", attempt + 1);
                await Task.Delay(Retries[attempt], clock, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail not delivered after {Attempts} attempts: {Subject}", attempt + 1, message.Subject);
                return;
            }
        }
    }
}

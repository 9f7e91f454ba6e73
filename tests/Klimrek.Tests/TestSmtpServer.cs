using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port: it keeps every message it
/// receives, parsed with MimeKit, and lets a test wait for the one it expects.
/// </summary>
public sealed partial class TestSmtpServer : IDisposable
{
    private readonly List<MimeMessage> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public int Port { get; }

    private TestSmtpServer(int port, string? user, string? password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(user is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (user is not null) services.Add((IUserAuthenticator)new Authenticator(user, password ?? ""));
        var server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(_stop.Token);
    }

    /// <summary>Starts a server; with a user, it requires that user and password (AUTH without TLS, on loopback).</summary>
    public static TestSmtpServer Start(string? user = null, string? password = null) => new(FreePort(), user, password);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public IReadOnlyList<MimeMessage> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>Every message to <paramref name="address"/> so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (at most 30 s) for a message to <paramref name="address"/> that <paramref name="match"/> accepts; the newest if several.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = To(address).LastOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"No mail to {address} within 30 s; received: {string.Join(", ", Received.Select(m => m.To + " " + m.Subject))}");
            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The first link to this app in the mail's plain text that starts with <paramref name="path"/>, as path and query.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        foreach (Match m in LinkRegex().Matches(message.TextBody ?? ""))
        {
            var uri = new Uri(m.Value);
            if (uri.AbsolutePath.StartsWith(path, StringComparison.Ordinal)) return uri.PathAndQuery;
        }
        throw new InvalidOperationException($"No link to {path} in:\n{message.TextBody}");
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkRegex();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _arrived.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (server._received) server._received.Add(message);
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }

    private sealed class Authenticator(string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken) =>
            Task.FromResult(user1 == user && password1 == password);
    }
}

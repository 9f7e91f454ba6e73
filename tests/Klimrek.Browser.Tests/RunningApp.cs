using Deque.AxeCore.Playwright;
using Klimrek.Tests;
using Microsoft.Playwright;
using MimeKit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Klimrek.Browser.Tests;

/// <summary>
/// The real app as its own process (Kestrel on a free loopback port, a fresh SQLite database with the shipped ESCO
/// data) and a headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class RunningApp : IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(RepoRoot, "screenshots");
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "klimrek-browser-" + Guid.NewGuid().ToString("N"));
    private Process? _app;
    private IPlaywright? _playwright;
    private readonly StringBuilder _log = new();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Klimrek.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Klimrek.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Runs a CLI verb of the app against the same database; returns exit code and output.</summary>
    public async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var psi = StartInfo(args);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepoRoot, "src", "Klimrek"),
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Klimrek.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Klimrek__DataFolder"] = _dataFolder;
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__Klimrek"] = "";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Every journey signs in and registers from 127.0.0.1, one after another: the per-address limit on password
        // forms (20 a minute, meant for one person's address) would refuse the suite itself. The other limits stay.
        psi.Environment["RateLimits__Credentials__PerAddress__PermitLimit"] = "1000";
        return psi;
    }

    /// <summary>Where the app writes its mail without a mail server (the default): one <c>.eml</c> file per message.</summary>
    public string MailFolder => Path.Combine(_dataFolder, "mail");

    /// <summary>Waits (at most 30 s) for a mail to <paramref name="address"/> in the app's mail folder that <paramref name="match"/> accepts.</summary>
    public async Task<MimeMessage> MailToAsync(string address, Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Reverse())
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(message) ?? true))
                        return message;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {address} in {MailFolder} within 30 s");
            await Task.Delay(200);
        }
    }

    /// <summary>The first link in the mail's text to a page under <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage message, string path) =>
        System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? "", @"https?://\S+").Select(m => m.Value)
            .FirstOrDefault(u => new Uri(u).AbsolutePath.StartsWith(path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link to {path} in:\n{message.TextBody}");

    /// <summary>Registers through the form, opens the verification link from the mail and signs in; the page ends on the Mijn klimrek onboarding (/klimrek/welkom).</summary>
    public async Task RegisterAsync(IPage page, string name, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/registreren");
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord (minstens 12 tekens)").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }).ClickAsync();
        await ArriveAsync(page, "/account/registreren/verstuurd", $"Registering {email}");
        await page.GotoAsync(LinkIn(await MailToAsync(email), "/account/bevestigen"));
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Je e-mailadres is bevestigd.");
        await SignInAsync(page, email, password);
    }

    /// <summary>A full-page screenshot under the screenshot folder, and axe-core's check of the same page.</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        await AssertAccessibleAsync(page);
    }

    /// <summary>
    /// axe-core's WCAG 2.1 A and AA rules on the page as it is now; fails with every violation, its rule and the elements.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(problems.Count == 0, page.Url + "\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// A fresh browser context (Dutch, <paramref name="width"/> px wide) whose every page is checked by axe-core as it
    /// loads (<see cref="WatchAccessibilityAsync"/>).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new ViewportSize { Width = width, Height = height } });
        await WatchAccessibilityAsync(context);
        return await context.NewPageAsync();
    }

    private static readonly string AxeSource = new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _checkedPages = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _inaccessible = new();

    /// <summary>The kinds of page axe-core checked in the browser's own time (a path with its numbers as #), and how many.</summary>
    public IReadOnlyCollection<string> CheckedPages => _checkedPages.Keys.ToList();

    /// <summary>
    /// Every page any tab of <paramref name="context"/> loads is checked with axe-core's WCAG 2.1 A/AA rules, inside the
    /// page once it has loaded, so the journey goes on undisturbed; each kind of page (path with numbers as #) once per
    /// run. Serious and critical violations are kept and fail <see cref="AssertVisitedPagesAccessibleAsync"/> and, at
    /// the latest, the end of the run.
    /// </summary>
    public async Task WatchAccessibilityAsync(IBrowserContext context)
    {
        // A kind of page: numbers as #, a link's token (a long segment) as *.
        static string Kind(string path) => string.Join('/', path.Split('/')
            .Select(s => s.Length >= 16 ? "*" : System.Text.RegularExpressions.Regex.Replace(s, "[0-9]+", "#")));
        await context.ExposeFunctionAsync("__klimrekAxeWanted", (string path) => !_checkedPages.ContainsKey(Kind(path)));
        // The report is the path on its first line, then the violations (none: the path alone).
        await context.ExposeFunctionAsync("__klimrekAxeReport", (string report) =>
        {
            var lines = report.Split('\n', 2);
            if (_checkedPages.TryAdd(Kind(lines[0]), true) && lines.Length > 1) _inaccessible.Enqueue(lines[1]);
        });
        await context.AddInitScriptAsync(AxeSource + "\n" + """
            if (window.top === window) window.addEventListener('load', () => setTimeout(async () => {
              try {
                if (!document.contentType.includes('html') || !(await window.__klimrekAxeWanted(location.pathname))) return;
                const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
                const bad = r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
                await window.__klimrekAxeReport(location.pathname + (bad.length === 0 ? '' : '\n' + location.href + '\n') + bad.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')}`).join('\n'));
              } catch (e) { /* the page went on to the next before the check ended */ }
            }, 0));
            """);
    }

    /// <summary>Fails with every serious or critical axe-core violation found on the pages visited so far.</summary>
    public async Task AssertVisitedPagesAccessibleAsync()
    {
        await Task.Delay(1500); // the last page's check runs in the browser's own time
        var problems = new List<string>();
        while (_inaccessible.TryDequeue(out var p)) problems.Add(p); // reported once, by the journey that met them
        Assert.True(problems.Count == 0, "axe-core, serious or critical:\n" + string.Join("\n\n", problems));
    }

    /// <summary>Fails when the page is wider than the window (it would scroll sideways), naming the elements that stick out.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '')
                  + ' "' + (e.textContent || '').trim().slice(0, 40) + '" right=' + Math.round(e.getBoundingClientRect().right))
            """);
        Assert.True(wide.Length == 0, $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px: {string.Join(", ", wide)}");
    }

    /// <summary>Signs in through the form (the password step only); the page ends on the home page, or on the onboarding for a newly registered person.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        // A person who registered and has not done the Mijn klimrek onboarding lands on it (/klimrek/welkom).
        await ArriveAsync(page, new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(BaseUrl) + "/(klimrek/welkom)?$"), $"Signing in as {email}");
    }

    /// <summary>
    /// Waits for the page to reach <paramref name="path"/>; when it does not, fails saying where it ended, with what
    /// status and what that page said — not only that it timed out.
    /// </summary>
    private Task ArriveAsync(IPage page, string path, string what) =>
        ArriveAsync(page, new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(BaseUrl + path) + "$"), what);

    private async Task ArriveAsync(IPage page, System.Text.RegularExpressions.Regex url, string what)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            string log;
            lock (_log) log = _log.ToString();
            throw new InvalidOperationException($"{what} ended on {page.Url}:\n{text}\n--- app log (end) ---\n{log[Math.Max(0, log.Length - 3000)..]}", e);
        }
    }

    /// <summary>On the two-factor setup page: reads the key as a person would type it over, enters the app's code; returns the key.</summary>
    public static async Task<string> TurnOnTwoFactorAsync(IPage page)
    {
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code uit de app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Tweestapsverificatie staat aan.");
        return key;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = Process.Start(StartInfo(["--urls", BaseUrl]))!;
        _app.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_app.HasExited) throw new InvalidOperationException("The app stopped:\n" + _log);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/over")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The app did not start:\n" + _log);
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KLIMREK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        // A violation on a page no journey asserted on still fails the run (as the collection's clean-up).
        var problems = _inaccessible.ToArray();
        await File.WriteAllLinesAsync(Path.Combine(ScreenshotFolder, "axe-checked-pages.txt"), _checkedPages.Keys.Order(StringComparer.Ordinal));
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        try { Directory.Delete(_dataFolder, true); } catch (IOException) { }
        Assert.True(problems.Length == 0, "axe-core, serious or critical:\n" + string.Join("\n\n", problems));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<RunningApp> { public const string Name = "browser"; }

using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Privacy;

/// <summary>
/// A person's own data (docs/security.md): download everything as one ZIP, see who read it (the access log), erase the
/// account; a beheerder does the same on someone's request. The capabilities contribute their part through
/// <see cref="IPersonalDataPart"/> and record reads in <see cref="AccessLog"/>.
/// </summary>
public static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<AccessLog>();
        services.AddScoped<PersonalDataService>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Privacy/MyData");
            o.Conventions.AuthorizePage("/Privacy/Admin", Policies.Beheerder);
        });
        return services;
    }

    public sealed record AccessLogView(DateTime At, string Who, AccessKind Kind, string What, string? Detail);
    public sealed record EraseRequest(string? Password);

    public static void MapPrivacy(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("My data").RequireAuthorization();
        me.MapGet("/data.zip", ExportAsync).WithName("ExportMyData")
            .WithSummary("Everything Klimrek holds about you: one ZIP with a JSON file per part and the access log.");
        me.MapGet("/access-log", MyAccessLogAsync).WithName("MyAccessLog").WithSummary("Who read or changed your personal data, newest first.");
        me.MapPost("/erase", EraseAsync).WithName("EraseMyAccount")
            .WithSummary("Erases your account and personal data (confirm with your password). Shared records keep the others' part.");
        api.MapGet("/admin/access-log", AllAccessLogAsync).WithTags("My data").WithName("AccessLog").RequireAuthorization(Policies.Beheerder)
            .WithSummary("The access log for beheerders, optionally about one person (by e-mail address).");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static async Task<FileContentHttpResult> ExportAsync(ClaimsPrincipal user, PersonalDataService data, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await data.ExportAsync(UserId(user), ct), "application/zip", FileName(clock));

    internal static string FileName(TimeProvider clock) => $"klimrek-mijn-gegevens-{clock.GetUtcNow():yyyyMMdd}.zip";

    public static async Task<Ok<List<AccessLogView>>> MyAccessLogAsync(ClaimsPrincipal user, AccessLog log, CancellationToken ct) =>
        TypedResults.Ok((await log.OfAsync(UserId(user), 500, ct)).Select(View).ToList());

    public static async Task<Ok<List<AccessLogView>>> AllAccessLogAsync(string? email, int? skip, AccessLog log, UserManager<KlimrekUser> users, CancellationToken ct)
    {
        string? subject = null;
        if (!string.IsNullOrWhiteSpace(email))
            subject = (await users.FindByEmailAsync(email.Trim()))?.Id ?? throw ProblemException.NotFound();
        return TypedResults.Ok((await log.AllAsync(subject, Math.Max(0, skip ?? 0), 200, ct)).Select(View).ToList());
    }

    private static AccessLogView View(AccessLogEntry e) => new(e.At, e.ActorName, e.Kind, AccessLog.Describe(e.Kind), e.Detail);

    public static async Task<NoContent> EraseAsync(EraseRequest req, ClaimsPrincipal user, UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn,
        PersonalDataService data, CancellationToken ct)
    {
        var me = await users.GetUserAsync(user) ?? throw ProblemException.NotFound();
        if (string.IsNullOrEmpty(req.Password) || !await users.CheckPasswordAsync(me, req.Password))
            throw ProblemException.Field("password", "Bevestig met je wachtwoord; het klopt niet.");
        await data.EraseAsync(me.Id, ct);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}

using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur.Organisations;

/// <summary>
/// Leercultuur: an organisation's set-up — units (HR), HR and steering group (the beheerder names HR; HR adds the
/// steering group), sector and region (the beheerder, on the page <c>/beheer/leercultuur/organisaties</c> or the API).
/// API under <c>/api/v1/organisations/{organisationId}/scans</c>: <c>/units</c>, <c>/members</c>, <c>/settings</c>.
/// </summary>
internal static class OrganisationsArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<OrganisationService>();
        services.AddPersonalData<OrganisationMemberPersonalData>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Leercultuur/Organisations/Admin", Policies.Beheerder));
        return services;
    }

    /// <summary>Who reads the set-up: the result readers and the beheerder.</summary>
    public const ScanViewer Readers = LeercultuurAccess.ResultReaders | ScanViewer.Beheerder;

    public static void Map(RouteGroupBuilder organisation)
    {
        organisation.MapGet("/units", UnitsAsync).WithName("ListScanUnits").WithSummary("The organisation's departments and teams in use, as a tree in depth-first order.");
        organisation.MapPost("/units", AddUnitAsync).WithName("AddScanUnit").WithSummary("HR adds a department or team (parentId: the unit it sits under; none: directly under the organisation).");
        organisation.MapPut("/units/{unitId:int}", UpdateUnitAsync).WithName("UpdateScanUnit").WithSummary("HR renames a unit or moves it under another (not under itself).");
        organisation.MapDelete("/units/{unitId:int}", RemoveUnitAsync).WithName("RemoveScanUnit").WithSummary("HR takes a unit out of use; earlier rounds keep it.");
        organisation.MapGet("/members", MembersAsync).WithName("ListScanMembers").WithSummary("The organisation's HR and steering group.");
        organisation.MapPost("/members", AddMemberAsync).WithName("AddScanMember")
            .WithSummary("HR adds a steering-group member by the e-mail address of an existing account (unknown address: 400); a beheerder may also name HR (role 'Hr').");
        organisation.MapDelete("/members/{scanMemberId:int}", RemoveMemberAsync).WithName("RemoveScanMember").WithSummary("HR removes a steering-group member; a beheerder also removes HR.");
        organisation.MapGet("/settings", SettingsAsync).WithName("GetScanSettings")
            .WithSummary("The organisation's sector and province (the benchmark compares within them), with the keys to choose from.");
        organisation.MapPut("/settings", SetSettingsAsync).WithName("SetScanSettings")
            .WithSummary("A beheerder sets the sector and province (keys from GET …/settings; empty or null clears one). Unknown keys: 400.").ProducesValidationProblem();
    }

    public sealed record SettingsInput(string? Sector, string? Region);
    public sealed record Choice(string Key, string Name);
    public sealed record SettingsView(string? Sector, string? Region, List<Choice> Sectors, List<Choice> Regions);

    public static async Task<Ok<SettingsView>> SettingsAsync(int organisationId, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, Readers, ct);
        var o = await orgs.OrganisationAsync(organisationId, ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        return TypedResults.Ok(new SettingsView(o.Sector, o.Region, Sectors.All.Select(s => new Choice(s.Key, s.In(language))).ToList(),
            Regions.All.Select(r => new Choice(r.Key, r.In(language))).ToList()));
    }

    public static async Task<Ok<SettingsView>> SetSettingsAsync(int organisationId, SettingsInput input, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user,
        CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Beheerder, ct);
        await orgs.SetScanSettingsAsync(organisationId, input.Sector, input.Region, ct);
        return await SettingsAsync(organisationId, orgs, access, user, ct);
    }

    public sealed record UnitView(int Id, string Name, int? ParentId, int Depth);
    public sealed record UnitInput(string? Name, int? ParentId);
    public sealed record MemberInput(string? Email, OrganisationRole? Role);

    private static UnitView View(UnitNode n) => new(n.Unit.Id, n.Unit.Name, n.Unit.ParentId, n.Depth);

    public static async Task<Ok<List<UnitView>>> UnitsAsync(int organisationId, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, Readers, ct);
        return TypedResults.Ok((await orgs.TreeAsync(organisationId, ct)).Select(View).ToList());
    }

    public static async Task<Created<UnitView>> AddUnitAsync(int organisationId, UnitInput input, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr, ct);
        var u = await orgs.AddUnitAsync(organisationId, input.Name, input.ParentId, ct);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/scans/units/{u.Id}", new UnitView(u.Id, u.Name, u.ParentId, 0));
    }

    public static async Task<Ok<UnitView>> UpdateUnitAsync(int organisationId, int unitId, UnitInput input, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr, ct);
        var u = await orgs.UpdateUnitAsync(organisationId, unitId, input.Name, input.ParentId, ct);
        return TypedResults.Ok(new UnitView(u.Id, u.Name, u.ParentId, 0));
    }

    public static async Task<NoContent> RemoveUnitAsync(int organisationId, int unitId, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr, ct);
        await orgs.RemoveUnitAsync(organisationId, unitId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<MemberView>>> MembersAsync(int organisationId, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, Readers, ct);
        return TypedResults.Ok(await orgs.MembersAsync(organisationId, ct));
    }

    public static async Task<Created<MemberView>> AddMemberAsync(int organisationId, MemberInput input, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await access.EnsureAsync(user, organisationId, ScanViewer.Hr | ScanViewer.Beheerder, ct);
        var role = input.Role ?? OrganisationRole.Stuurgroep;
        if (role == OrganisationRole.Hr && !viewer.HasFlag(ScanViewer.Beheerder)) throw ProblemException.Forbidden("Alleen een beheerder wijst HR aan.");
        var m = await orgs.AddMemberAsync(organisationId, input.Email, role, ct);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/scans/members/{m.Id}", m);
    }

    public static async Task<NoContent> RemoveMemberAsync(int organisationId, int scanMemberId, OrganisationService orgs, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await access.EnsureAsync(user, organisationId, ScanViewer.Hr | ScanViewer.Beheerder, ct);
        var member = await orgs.MemberAsync(organisationId, scanMemberId, ct);
        if (member.Role == OrganisationRole.Hr && !viewer.HasFlag(ScanViewer.Beheerder)) throw ProblemException.Forbidden("Alleen een beheerder haalt HR weg.");
        await orgs.RemoveMemberAsync(scanMemberId, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// A person's roles in organisations' scans (HR, steering group); erase removes them. Invitation addresses are not an
/// account's data: an invitation is kept by address, not by account, and stays with its round (reminders go to it)
/// until the round is erased with its organisation; answers never carry an address.
/// </summary>
internal sealed class OrganisationMemberPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "leercultuur-organisations";

    public sealed record Row(string Organisation, OrganisationRole Role, DateTime Since);

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var rows = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new Row(o.Name, m.Role, m.CreatedAt)).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.OrderBy(r => r.Since).ToList();
    }

    public Task EraseAsync(DataSubject subject, CancellationToken ct) =>
        db.OrganisationMembers.Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
}

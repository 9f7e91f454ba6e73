using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Career.Profile;

/// <summary>
/// The onboarding after registration, in three steps: the occupation you hold (a search), its skills checked (the grouped
/// proposal of <see cref="AddOccupationModel"/>), and the next steps (transitions, samen leren, werkleren). It can be
/// skipped; once finished or skipped it is not shown again (a claim on the account, <see cref="ClaimType"/>).
/// </summary>
public sealed class WelcomeModel(KlimrekDbContext db, ProfileService profiles) : ProfilePage
{
    /// <summary>The account claim that records the onboarding: "pending" from registration, then "done" or "skipped".</summary>
    public const string ClaimType = "klimrek:onboarding";
    public const string Pending = "pending";

    [BindProperty(SupportsGet = true)] public int? Stap { get; set; }
    public bool LastStep => Stap == 3;
    public string? Message { get; private set; }
    public int SkillCount { get; private set; }

    public static Task<bool> IsFinishedAsync(KlimrekDbContext db, string userId, CancellationToken ct) =>
        db.UserClaims.AnyAsync(c => c.UserId == userId && c.ClaimType == ClaimType && c.ClaimValue != Pending, ct);

    /// <summary>
    /// Where a sign-in leads: a person who registered and has not finished or skipped the onboarding lands on it, unless
    /// they were on their way somewhere (<paramref name="target"/> other than the home page).
    /// </summary>
    public static async Task<string> AfterSignInAsync(HttpContext http, string email, string target)
    {
        if (target != "/") return target;
        var db = http.RequestServices.GetRequiredService<KlimrekDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var pending = await db.UserClaims.AnyAsync(c => c.ClaimType == ClaimType && c.ClaimValue == Pending &&
            db.Users.Any(u => u.Id == c.UserId && u.NormalizedEmail == normalized), http.RequestAborted);
        return pending ? "/klimrek/welkom" : target;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (LastStep)
        {
            // The last step only shows the links: the onboarding was finished by the POST that added the occupation
            // (AddOccupationModel), or stays pending for a person who came here by typing the address.
            Message = TempData["Message"] as string;
            SkillCount = (await profiles.GetOrCreateAsync(UserId, ct)).Skills.Count;
            return Page();
        }
        if (await IsFinishedAsync(db, UserId, ct)) return Redirect("/klimrek");
        return Page();
    }

    public async Task<IActionResult> OnPostSkipAsync(CancellationToken ct)
    {
        await FinishAsync(db, UserId, "skipped", ct);
        return Redirect("/klimrek");
    }

    /// <summary>
    /// Records the onboarding as <paramref name="how"/> ("done" or "skipped") for a person for whom it is pending; a
    /// finished one stays as it was. Called from POST handlers only: a GET never changes an account.
    /// </summary>
    public static async Task FinishAsync(KlimrekDbContext db, string userId, string how, CancellationToken ct)
    {
        var claims = await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == ClaimType).ToListAsync(ct);
        if (claims.Count == 0 || claims.Any(c => c.ClaimValue != Pending)) return;
        db.UserClaims.RemoveRange(claims);
        db.UserClaims.Add(new Microsoft.AspNetCore.Identity.IdentityUserClaim<string> { UserId = userId, ClaimType = ClaimType, ClaimValue = how });
        await db.SaveChangesAsync(ct);
    }
}

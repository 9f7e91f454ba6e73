using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Programmes: the ones you steer or take part in, setting one up and changing its settings, its steering group and
/// enrolment. The steering group (stewards) runs a programme; only the Stuurgroep role (or a beheerder) sets one up.
/// </summary>
public sealed class ProgrammeService(KlimrekDbContext db, UserManager<KlimrekUser> users, Invitations invitations, SamenLerenNotices notices, TimeProvider clock,
    ILogger<ProgrammeService> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record ProgrammeListItem(Programme Programme, bool IsSteward, bool IsParticipant, int Participants);

    public async Task<List<ProgrammeListItem>> MyProgrammesAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking()
            .Where(p => p.Stewards.Any(s => s.UserId == userId) || p.Participants.Any(x => x.UserId == userId))
            .Select(p => new { P = p, S = p.Stewards.Any(s => s.UserId == userId), M = p.Participants.Any(x => x.UserId == userId), N = p.Participants.Count })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.P.Settings.StartDate).ThenBy(r => r.P.Settings.Name).Select(r => new ProgrammeListItem(r.P, r.S, r.M, r.N)).ToList();
    }

    private static void Validate(ProgrammeSettings i)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(i.Name)) errors.Add("name", "Geef het programma een naam.");
        else if (i.Name.Trim().Length > 200) errors.Add("name", "De naam is te lang (hoogstens 200 tekens).");
        if ((i.Description?.Length ?? 0) > 4000) errors.Add("description", "De beschrijving is te lang (hoogstens 4000 tekens).");
        if ((i.InformationPack?.Length ?? 0) > InformationPack.MaxLength) errors.Add("informationPack", "Het informatiepakket is te lang (hoogstens 4000 tekens).");
        if (i.EndDate <= i.StartDate) errors.Add("endDate", "De einddatum moet na de startdatum liggen.");
        if (i.EndDate.DayNumber - i.StartDate.DayNumber > 3 * 366) errors.Add("endDate", "Een programma duurt hoogstens drie jaar.");
        if (i.HoursPerParticipant is < 1 or > 2000) errors.Add("hoursPerParticipant", "Uren per deelnemer: tussen 1 en 2000.");
        if (i.ExpertBudgetPerDuo is < 0 or > 1_000_000) errors.Add("expertBudgetPerDuo", "Budget voor externe deskundigheid: tussen € 0 en € 1.000.000.");
        if (i.ReflectionCadenceWeeks is < 1 or > 26) errors.Add("reflectionCadenceWeeks", "Reflectie-ritme: tussen 1 en 26 weken.");
        if (i.IntervisionSessionCount is < 0 or > 20) errors.Add("intervisionSessionCount", "Aantal intervisiebijeenkomsten: tussen 0 en 20.");
        if (i.NotMetWeeks is < 1 or > 26) errors.Add("notMetWeeks", "Signaal 'niet ontmoet': tussen 1 en 26 weken.");
        var w = i.Weights ?? new();
        int[] weights = [w.Complementarity, w.Qualities, w.Affinity, w.Availability, w.CrossDepartment];
        if (weights.Any(x => x is < 0 or > 100)) errors.Add("weights", "Elk gewicht ligt tussen 0 en 100.");
        else if (weights.Sum() == 0) errors.Add("weights", "Minstens één gewicht moet groter dan 0 zijn.");
        Refuse.IfAny(errors, "Het programma is niet opgeslagen.");
    }

    /// <summary>The settings as stored: name and description trimmed, an empty description none.</summary>
    private static ProgrammeSettings Cleaned(ProgrammeSettings i) => i with
    {
        Name = i.Name.Trim(),
        Description = Texts.Clean(i.Description),
        InformationPack = Texts.Clean(i.InformationPack),
        Weights = i.Weights ?? new(),
    };

    /// <summary>A steering-group member (role Stuurgroep, or a beheerder) creates a programme and steers it.</summary>
    public async Task<Programme> CreateProgrammeAsync(string userId, ProgrammeSettings input, CancellationToken ct)
    {
        Validate(input);
        var user = await users.FindByIdAsync(userId) ?? throw ProblemException.NotFound();
        var p = new Programme { Settings = Cleaned(input), CreatedById = userId, CreatedAt = Now, OrganisationId = user.OrganisationId };
        p.Stewards.Add(new ProgrammeSteward { UserId = userId });
        db.Programmes.Add(p);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Programme {Id} created by {User}", p.Id, userId);
        return p;
    }

    /// <summary>Replaces the settings; <paramref name="baseVersion"/> is the version the editor started from (409 when it changed).</summary>
    public async Task UpdateProgrammeAsync(ProgrammeAccess access, ProgrammeSettings input, int? baseVersion, CancellationToken ct)
    {
        access.RequireSteward();
        Validate(input);
        Versions.Expect(db, access.Programme, baseVersion);
        var moved = access.Programme.Settings.StartDate != input.StartDate;
        access.Programme.Settings = Cleaned(input);
        if (moved) await notices.MoveIntakeRemindersAsync(access.Programme, ct);
        await Versions.SaveAsync(db, ct);
    }

    public async Task SetStatusAsync(ProgrammeAccess access, ProgrammeStatus status, CancellationToken ct)
    {
        access.RequireSteward();
        if (!Enum.IsDefined(status)) throw ProblemException.Field("status", "Onbekende status.");
        access.Programme.Status = status;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The addresses handled, and the lines left out with why.</summary>
    public sealed record EnrolResult(IReadOnlyList<string> Handled, IReadOnlyList<RejectedLine> Rejected);

    /// <summary>
    /// Adds people by e-mail address, as participants or stewards: an address with a verified account at once, any
    /// other by an invitation mail (<see cref="Invitations"/>). The answer — the addresses handled — is the same
    /// whichever of them have accounts, so a steward cannot probe for accounts, and no address holds up the rest: a
    /// line that is not an address is reported by its number and the good ones still go out. Only a list without any
    /// good address is refused (400, each line named).
    /// </summary>
    public async Task<EnrolResult> EnrolAsync(ProgrammeAccess access, EnrolmentLines lines, bool asStewards, string invitedById, CancellationToken ct)
    {
        access.RequireSteward();
        if (lines.Emails.Count == 0)
            throw new ProblemException(400, new Message(lines.Rejected.Count == 0 ? "Vul minstens één e-mailadres in."
                    : "Niemand toegevoegd of uitgenodigd: geen enkele regel bevat een geldig e-mailadres."),
                new Dictionary<string, IReadOnlyList<Message>> { ["emails"] = lines.Rejected.Count == 0 ? [new("Vul minstens één e-mailadres in.")] : lines.Rejected.Select(r => r.Reason).ToList() });
        var handled = await invitations.InviteAsync(lines.Emails, ProgrammeInvitations.Purpose(access.Programme, asStewards), invitedById, ct);
        logger.LogInformation("Programme {Id}: {Handled} addresses enrolled or invited, {Rejected} lines left out", access.Programme.Id, handled.Count, lines.Rejected.Count);
        return new(handled, lines.Rejected);
    }

    /// <summary>The invitations not yet accepted (address, participant or steward, pending or expired), for the steering group.</summary>
    public async Task<List<PendingInvitation>> InvitationsAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        return await invitations.PendingAsync(ProgrammeInvitations.AllKinds,
            access.Programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public sealed record ParticipantRow(Participant Participant, string Name, string Email, IReadOnlyList<string> Missing);

    public async Task<List<ParticipantRow>> ParticipantsAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var list = await db.Participants.AsNoTracking().Include(p => p.User).Include(p => p.Terms)
            .Where(p => p.ProgrammeId == access.Programme.Id).ToListAsync(ct);
        return list.Select(p => new ParticipantRow(p, p.User!.DisplayName, p.User.Email ?? "", IntakeService.MissingInIntake(p)))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Names and ids of the programme's participants, for choosing a manager or an intervision reporter.</summary>
    public async Task<List<(int Id, string Name)>> ParticipantNamesAsync(int programmeId, CancellationToken ct) =>
        (await db.Participants.AsNoTracking().Where(p => p.ProgrammeId == programmeId)
            .Select(p => new { p.Id, p.User!.DisplayName }).ToListAsync(ct))
        .Select(x => (x.Id, x.DisplayName)).OrderBy(x => x.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
}

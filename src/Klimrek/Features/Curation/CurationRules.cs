using Klimrek.Data;

namespace Klimrek.Features.Curation;

/// <summary>
/// On whose behalf a curator writes ("Ik schrijf namens"). A curator's background — education, an employer or
/// research — is set by the beheerder on the account (<see cref="KlimrekUser.Origin"/>); a curator may only write on
/// behalf of that background, so the "beschreven door" counts on an occupation page can be trusted.
/// </summary>
public static class CurationRules
{
    public const string NoOriginMessage =
        "Namens wie je schrijft is nog niet vastgelegd. Vraag de beheerder om bij je account in te stellen of je uit het onderwijs, van een werkgever of uit het onderzoek komt.";

    public const string OtherOriginMessage = "Je kunt alleen schrijven namens je eigen achtergrond, zoals de beheerder die bij je account heeft ingesteld.";

    /// <summary>The backgrounds this person may write on behalf of (empty when none is set).</summary>
    public static IReadOnlyList<ContributorOrigin> AllowedOrigins(KlimrekUser? user) =>
        user?.Origin is ContributorOrigin o ? [o] : [];
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>
/// The secrets in answer links: 32 random bytes (base64url), stored only as their SHA-256 (hex), so a database copy
/// does not hand out working links. An invitation's secret also goes encrypted into <c>ProtectedToken</c> (for
/// reminders); an open-link respondent's resume secret is kept nowhere but in their link.
/// </summary>
public static class ScanSecrets
{
    /// <summary>The data-protection purpose of <c>ScanInvitation.ProtectedToken</c>.</summary>
    public const string InvitationPurpose = "Klimrek.Leercultuur.Invitation";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A secret of plausible shape (refuses absurd input before any database lookup).</summary>
    public static bool Plausible(string? token) => token is { Length: >= 16 and <= 128 };
}

using Klimrek.Features.Accounts.Passwords;

namespace Klimrek.Tests;

/// <summary>The password rules on their own (NIST SP 800-63B style): length is Identity's, the rest is <see cref="KlimrekPasswordValidator"/>.</summary>
public sealed class PasswordPolicyTests
{
    private static List<string> Problems(string password, string? email = "sanne.devries@example.org") =>
        KlimrekPasswordValidator.Problems(password, email).Select(p => p.Code).ToList();

    [Fact]
    public void The_shipped_list_has_thousands_of_common_passwords_Dutch_ones_included()
    {
        Assert.True(CommonPasswords.Count > 3000, $"only {CommonPasswords.Count}");
        foreach (var p in new[] { "wachtwoord", "welkom", "geheim", "welkom01", "geheim123", "ikhouvanjou", "feyenoord", "password", "qwertyuiop", "1q2w3e4r5t" })
            Assert.True(CommonPasswords.Contains(p), p);
    }

    [Theory]
    [InlineData("Wachtwoord2024!")]
    [InlineData("wachtwoord1234")]
    [InlineData("WELKOM WELKOM")]
    [InlineData("w4chtw00rd!!")]
    [InlineData("geheimgeheim")]
    [InlineData("Feyenoord2023")]
    [InlineData("qwertyuiop123")]
    [InlineData("password123456")]
    public void Common_passwords_and_their_usual_variants_are_refused(string password) =>
        Assert.Contains("PasswordCommon", Problems(password));

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("abcabcabcabc")]
    [InlineData("abcdefghijklmn")]
    [InlineData("9876543210")]
    public void One_character_a_short_piece_repeated_or_a_plain_run_is_refused(string password) =>
        Assert.Contains("PasswordRepetitive", Problems(password));

    [Theory]
    [InlineData("sanne.devries@example.org")]
    [InlineData("sannedevries2024")]
    [InlineData("ik ben Sanne.deVries!")]
    public void The_address_or_its_part_before_the_at_is_refused(string password) =>
        Assert.Contains("PasswordContainsEmail", Problems(password));

    [Theory]
    [InlineData("fietsen langs de grachten")]
    [InlineData("correct horse battery")]
    [InlineData("mijn kat heet Pluis")]
    [InlineData("een eigen lang wachtwoord")]
    [InlineData("kl1mr3k-is-leuk")]
    public void Passphrases_need_no_digits_capitals_or_symbols(string password) =>
        Assert.Empty(Problems(password));
}

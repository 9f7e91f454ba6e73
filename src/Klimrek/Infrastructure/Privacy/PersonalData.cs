using Klimrek.Data;

namespace Klimrek.Infrastructure.Privacy;

/// <summary>
/// The person whose data is exported or erased. <see cref="StandInId"/> is, during an erase, an account without any
/// personal data ("verwijderde deelnemer") that takes the person's place in records shared with others (a duo, a
/// programme, a revision), so that the others' part stays whole and nobody is named.
/// </summary>
public sealed record DataSubject(string UserId, string StandInId);

/// <summary>
/// One capability's part of a person's data. Every capability that stores personal data registers one
/// (<c>services.AddPersonalData&lt;T&gt;()</c>); the export and the erase run all of them, so a new capability plugs in
/// without changing either.
/// </summary>
public interface IPersonalDataPart
{
    /// <summary>The file name in the export (<c>{Area}.json</c>), e.g. <c>skills-profile</c>.</summary>
    string Area { get; }

    /// <summary>Everything this capability holds about the person, as JSON-serialisable data; null when nothing.</summary>
    Task<object?> ExportAsync(DataSubject subject, CancellationToken ct);

    /// <summary>
    /// Deletes the person's own records and hands their place in shared records to <see cref="DataSubject.StandInId"/>.
    /// Runs inside the erase's transaction, before the account itself is deleted.
    /// </summary>
    Task EraseAsync(DataSubject subject, CancellationToken ct);
}

public static class PersonalDataRegistration
{
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalDataPart =>
        services.AddScoped<IPersonalDataPart, T>();
}

/// <summary>The name that replaces an erased person's in what others still see.</summary>
public static class ErasedPerson
{
    public const string DisplayName = "verwijderde deelnemer";

    /// <summary>
    /// A fresh stand-in account: no password, locked for good, nothing personal; its address is in the reserved
    /// <c>.invalid</c> domain (accounts need a unique one), so nothing is ever sent to it.
    /// </summary>
    public static KlimrekUser NewStandIn(DateTime now)
    {
        var name = "verwijderd-" + Guid.NewGuid().ToString("N");
        return new()
        {
            UserName = name,
            Email = name + "@klimrek.invalid",
            DisplayName = DisplayName,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            CreatedAt = now,
        };
    }
}

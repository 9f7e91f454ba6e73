using Microsoft.Extensions.Caching.Memory;
using System.Collections.Concurrent;

namespace Klimrek.Features.Notifications;

/// <summary>
/// The header's unread count, remembered per person for <see cref="Lifetime"/> so that a signed-in page does not ask the
/// database on every request. This instance forgets a person's count the moment it adds, reads or erases their
/// messages (<see cref="Changed"/>); a message added on another instance shows in the header within
/// <see cref="Lifetime"/>. The inbox page and the API always count in the database.
/// </summary>
public sealed class UnreadCounts(IMemoryCache cache)
{
    /// <summary>How long a count is remembered: how late a message added by another instance can show in the header.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    // A change while a count is being read must not be overwritten by that (older) count: each person's generation
    // goes up on every change, and a count is only remembered when the generation did not move during the read.
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(string userId, Func<Task<int>> count)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out int known)) return known;
        var before = _generations.GetValueOrDefault(userId);
        var fresh = await count();
        if (_generations.GetValueOrDefault(userId) == before)
            cache.Set(key, fresh, Lifetime);
        return fresh;
    }

    /// <summary>The person's messages changed here: the next header counts again.</summary>
    public void Changed(string userId)
    {
        _generations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        cache.Remove(Key(userId));
    }

    private static string Key(string userId) => "klimrek:unread:" + userId;
}
